package io.bantam.booking.rules.domain;

import io.bantam.service.patch.Patch;

/** A change to booking rules: each member kept or set (a null value: no maximum, or for a client the default). */
public record RulesChange(Patch<Integer> bufferBeforeMinutes, Patch<Integer> bufferAfterMinutes,
        Patch<Integer> minimumNoticeMinutes, Patch<Integer> horizonDays, Patch<Integer> maxBookingsPerWeek,
        Patch<Integer> changeCutoffMinutes) {

    /** The freelancer's defaults after the change; members that are not nullable must not be set to null. */
    public BookingRules applyTo(BookingRules current) {
        return new BookingRules(bufferBeforeMinutes.applyTo(current.bufferBeforeMinutes()),
                bufferAfterMinutes.applyTo(current.bufferAfterMinutes()),
                minimumNoticeMinutes.applyTo(current.minimumNoticeMinutes()),
                horizonDays.applyTo(current.horizonDays()),
                maxBookingsPerWeek.applyTo(current.maxBookingsPerWeek()),
                changeCutoffMinutes.applyTo(current.changeCutoffMinutes()));
    }

    /** A client's own rules after the change. */
    public ClientRules applyTo(ClientRules current) {
        return new ClientRules(current.clientId(), bufferBeforeMinutes.applyTo(current.bufferBeforeMinutes()),
                bufferAfterMinutes.applyTo(current.bufferAfterMinutes()),
                minimumNoticeMinutes.applyTo(current.minimumNoticeMinutes()),
                horizonDays.applyTo(current.horizonDays()),
                maxBookingsPerWeek.applyTo(current.maxBookingsPerWeek()),
                changeCutoffMinutes.applyTo(current.changeCutoffMinutes()));
    }
}
