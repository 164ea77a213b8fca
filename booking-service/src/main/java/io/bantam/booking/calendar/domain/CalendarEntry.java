package io.bantam.booking.calendar.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A booking as a calendar shows it to one of its parties.
 *
 * @param otherPartyName the name of the person on the other side, or null while this service does not know it
 * @param sequence how often what a calendar shows of it changed (RFC 5545 SEQUENCE)
 * @param lastModified when it last changed (its cancellation, for a cancelled one)
 * @param cancelled whether it was cancelled (STATUS:CANCELLED, so a subscribed calendar removes it)
 */
public record CalendarEntry(
        UUID bookingId,
        Instant start,
        Instant end,
        String title,
        String location,
        String otherPartyName,
        int sequence,
        Instant created,
        Instant lastModified,
        boolean cancelled) {

    public CalendarEntry {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastModified, "lastModified");
    }

    /** "Kick-off call with Ada Lovelace", or only the title while the name is unknown. */
    public String summary() {
        return otherPartyName == null || otherPartyName.isBlank() ? title : title + " with " + otherPartyName;
    }
}
