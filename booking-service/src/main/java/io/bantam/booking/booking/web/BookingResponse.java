package io.bantam.booking.booking.web;

import io.bantam.booking.booking.domain.Booking;
import java.time.Instant;
import java.util.UUID;

/** The contract's {@code Booking}. {@code location} is present with {@code null} when unset. */
public record BookingResponse(
        UUID id,
        UUID freelancerId,
        UUID clientId,
        String title,
        String location,
        Instant start,
        Instant end,
        int durationMinutes,
        UUID createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public static BookingResponse of(Booking booking) {
        return new BookingResponse(booking.id(), booking.freelancerId(), booking.clientId(), booking.title(),
                booking.location(), booking.time().start(), booking.time().end(), booking.durationMinutes(),
                booking.createdBy(), booking.createdAt(), booking.updatedAt());
    }
}
