package io.bantam.events.bookings;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A booking as booking-service publishes it: the whole booking, so a consumer (reminders, calendar feeds)
 * needs nothing else. The time is half-open, {@code [start, end)}; {@code createdBy} is the id of the party
 * that made it (the freelancer or the client); {@code location} may be null.
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
        UUID createdBy) {

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
}
