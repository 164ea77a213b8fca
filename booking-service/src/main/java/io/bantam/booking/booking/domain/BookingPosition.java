package io.bantam.booking.booking.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A booking's place in a list ordered by start, then id (a total order, so a keyset cursor can resume strictly
 * after any booking): the booking list and the stranded list.
 */
public record BookingPosition(Instant start, UUID id) {

    public BookingPosition {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(id, "id");
    }

    public static BookingPosition of(Booking booking) {
        return new BookingPosition(booking.time().start(), booking.id());
    }

    /** The position as text parts, for a cursor. */
    public List<String> toParts() {
        return List.of(start.toString(), id.toString());
    }

    /**
     * The position written by {@link #toParts()}; DateTimeParseException, IllegalArgumentException or
     * NullPointerException for anything else.
     */
    public static BookingPosition fromParts(List<String> parts) {
        return new BookingPosition(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1)));
    }
}
