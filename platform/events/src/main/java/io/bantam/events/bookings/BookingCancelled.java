package io.bantam.events.bookings;

import io.bantam.events.Topics;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A party cancelled a booking; its time is free again. {@code booking} is the booking as it was;
 * {@code cancelledBy} is the id of the party that cancelled. Final for this booking id. On
 * {@value Topics#BOOKINGS}, keyed by freelancer id.
 */
public record BookingCancelled(UUID eventId, String type, Instant occurredAt, BookingSnapshot booking,
        UUID cancelledBy) implements BookingEvent {

    public static final String TYPE = "BookingCancelled";

    public BookingCancelled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(booking, "booking");
        Objects.requireNonNull(cancelledBy, "cancelledBy");
        if (!TYPE.equals(type)) {
            throw new IllegalArgumentException("type must be " + TYPE);
        }
    }

    public static BookingCancelled of(BookingSnapshot booking, UUID cancelledBy, Instant occurredAt) {
        return new BookingCancelled(UUID.randomUUID(), TYPE, occurredAt, booking, cancelledBy);
    }
}
