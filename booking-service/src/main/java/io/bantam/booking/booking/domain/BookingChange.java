package io.bantam.booking.booking.domain;

import io.bantam.service.patch.Patch;
import java.time.Instant;
import java.util.Objects;

/** A reschedule or edit: any of start, duration, title and location; the rest stays. */
public record BookingChange(Patch<Instant> start, Patch<Integer> durationMinutes, Patch<String> title,
        Patch<String> location) {

    public BookingChange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(durationMinutes, "durationMinutes");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(location, "location");
    }

    public static BookingChange none() {
        return new BookingChange(Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep());
    }

    public BookingChange withStart(Instant value) {
        return new BookingChange(Patch.set(Objects.requireNonNull(value)), durationMinutes, title, location);
    }

    public BookingChange withDurationMinutes(int value) {
        return new BookingChange(start, Patch.set(value), title, location);
    }

    public BookingChange withTitle(String value) {
        return new BookingChange(start, durationMinutes, Patch.set(Objects.requireNonNull(value)), location);
    }

    public BookingChange withLocation(String value) {
        return new BookingChange(start, durationMinutes, title, Patch.set(value));
    }

    /**
     * The details after the change. A new start keeps the duration and a new duration keeps the start; the end
     * always follows from the two.
     */
    public BookingDetails applyTo(BookingDetails current) {
        Instant newStart = start.applyTo(current.time().start());
        int minutes = durationMinutes.applyTo((int) current.time().duration().toMinutes());
        return new BookingDetails(BookingDetails.timeOf(newStart, minutes), title.applyTo(current.title()),
                location.applyTo(current.location()));
    }
}
