package io.bantam.booking.booking.domain;

import io.bantam.booking.time.TimeRange;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An appointment between a freelancer and one of its clients, over the half-open {@code time}. Either party
 * may read, reschedule and cancel it; nobody else may know it exists.
 *
 * @param createdBy the id of the party that made it
 */
public record Booking(
        UUID id,
        UUID freelancerId,
        UUID clientId,
        String title,
        String location,
        TimeRange time,
        UUID createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public Booking {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(freelancerId, "freelancerId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (freelancerId.equals(clientId)) {
            throw new IllegalArgumentException("a booking needs two parties");
        }
    }

    /** A new booking of {@code details} between the two, made by {@code createdBy} at {@code now}. */
    public static Booking create(UUID id, UUID freelancerId, UUID clientId, BookingDetails details, UUID createdBy,
            Instant now) {
        return new Booking(id, freelancerId, clientId, details.title(), details.location(), details.time(), createdBy,
                now, now);
    }

    public int durationMinutes() {
        return (int) time.duration().toMinutes();
    }

    /** The side {@code user} is on, or empty when it is not a party of this booking. */
    public Optional<Party> partyOf(UUID user) {
        if (freelancerId.equals(user)) {
            return Optional.of(Party.FREELANCER);
        }
        if (clientId.equals(user)) {
            return Optional.of(Party.CLIENT);
        }
        return Optional.empty();
    }

    public UUID participant(Party party) {
        return party == Party.FREELANCER ? freelancerId : clientId;
    }

    public BookingDetails details() {
        return new BookingDetails(time, title, location);
    }

    /** This booking with other details, changed at {@code now}. */
    public Booking with(BookingDetails details, Instant now) {
        return new Booking(id, freelancerId, clientId, details.title(), details.location(), details.time(), createdBy,
                createdAt, now);
    }
}
