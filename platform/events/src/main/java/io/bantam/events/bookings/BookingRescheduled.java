package io.bantam.events.bookings;

import io.bantam.events.Topics;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A booking changed: its time ({@code previousStart}/{@code previousEnd} say where it was) or its details
 * (title, location; then the previous times equal the current ones). {@code booking} is the booking after the
 * change. On {@value Topics#BOOKINGS}, keyed by freelancer id.
 */
public record BookingRescheduled(UUID eventId, String type, Instant occurredAt, BookingSnapshot booking,
        Instant previousStart, Instant previousEnd, UUID changedBy) implements BookingEvent {

    public static final String TYPE = "BookingRescheduled";

    public BookingRescheduled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(booking, "booking");
        Objects.requireNonNull(previousStart, "previousStart");
        Objects.requireNonNull(previousEnd, "previousEnd");
        Objects.requireNonNull(changedBy, "changedBy");
        if (!TYPE.equals(type)) {
            throw new IllegalArgumentException("type must be " + TYPE);
        }
    }

    public static BookingRescheduled of(BookingSnapshot booking, Instant previousStart, Instant previousEnd,
            UUID changedBy, Instant occurredAt) {
        return new BookingRescheduled(UUID.randomUUID(), TYPE, occurredAt, booking, previousStart, previousEnd,
                changedBy);
    }
}
