package io.bantam.events.bookings;

import io.bantam.events.Topics;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A freelancer or its client booked time together. On {@value Topics#BOOKINGS}, keyed by freelancer id. */
public record BookingCreated(UUID eventId, String type, Instant occurredAt, BookingSnapshot booking)
        implements BookingEvent {

    public static final String TYPE = "BookingCreated";

    public BookingCreated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(booking, "booking");
        if (!TYPE.equals(type)) {
            throw new IllegalArgumentException("type must be " + TYPE);
        }
    }

    public static BookingCreated of(BookingSnapshot booking, Instant occurredAt) {
        return new BookingCreated(UUID.randomUUID(), TYPE, occurredAt, booking);
    }
}
