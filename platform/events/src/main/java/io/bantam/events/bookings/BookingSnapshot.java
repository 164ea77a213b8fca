package io.bantam.events.bookings;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A booking as booking-service publishes it: the whole booking, so a consumer (reminders, calendar feeds)
 * needs nothing else. The time is half-open, {@code [start, end)}; {@code createdBy} is the id of the party
 * that made it (the freelancer or the client); {@code location} may be null. {@code freelancerTimeZone} is the
 * freelancer's IANA zone (what "the booking's date" means for it); optional, added within {@code .v1}: events
 * written before it, or for a freelancer whose zone booking-service does not know, carry none (null).
 */
public record BookingSnapshot(
        UUID id,
        UUID freelancerId,
        UUID clientId,
        String title,
        String location,
        Instant start,
        Instant end,
        int durationMinutes,
        UUID createdBy,
        String freelancerTimeZone) {

    public BookingSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(freelancerId, "freelancerId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(createdBy, "createdBy");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("start must be before end");
        }
    }

    /** A snapshot without the freelancer's zone. */
    public BookingSnapshot(UUID id, UUID freelancerId, UUID clientId, String title, String location, Instant start,
            Instant end, int durationMinutes, UUID createdBy) {
        this(id, freelancerId, clientId, title, location, start, end, durationMinutes, createdBy, null);
    }
}
