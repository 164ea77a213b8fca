package io.bantam.booking.booking.persistence;

import io.bantam.booking.booking.domain.Booking;
import io.bantam.booking.time.TimeRange;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code booking}. Never leaves this package: the rest of the service sees {@link Booking}. */
record BookingRow(
        UUID id,
        UUID freelancerId,
        UUID clientId,
        String title,
        String location,
        Instant startAt,
        Instant endAt,
        UUID createdBy,
        Instant createdAt,
        Instant updatedAt) {

    static final String COLUMNS = """
            id, freelancer_id, client_id, title, location, start_at, end_at, created_by, created_at, updated_at""";

    static BookingRow of(Booking booking) {
        return new BookingRow(booking.id(), booking.freelancerId(), booking.clientId(), booking.title(),
                booking.location(), booking.time().start(), booking.time().end(), booking.createdBy(),
                booking.createdAt(), booking.updatedAt());
    }

    Booking toBooking() {
        return new Booking(id, freelancerId, clientId, title, location, new TimeRange(startAt, endAt), createdBy,
                createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "BookingRow[id=" + id + "]";
    }
}
