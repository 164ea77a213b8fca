package io.bantam.booking.booking.domain;

import io.bantam.booking.time.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What a party decides about a booking: when, what and where. The rules of the contract hold for every
 * instance: 5 to 720 minutes long, a title of 1 to 200 characters, a location of at most 500.
 */
public record BookingDetails(TimeRange time, String title, String location) {

    public static final int MIN_DURATION_MINUTES = 5;
    public static final int MAX_DURATION_MINUTES = 720;
    public static final int TITLE_MAX = 200;
    public static final int LOCATION_MAX = 500;

    public BookingDetails {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(title, "title");
        long minutes = time.duration().toMinutes();
        if (!time.duration().equals(Duration.ofMinutes(minutes)) || minutes < MIN_DURATION_MINUTES
                || minutes > MAX_DURATION_MINUTES) {
            throw new IllegalArgumentException("a booking lasts whole minutes, " + MIN_DURATION_MINUTES + " to "
                    + MAX_DURATION_MINUTES);
        }
        if (title.isBlank() || title.length() > TITLE_MAX) {
            throw new IllegalArgumentException("a title has 1 to " + TITLE_MAX + " characters");
        }
        if (location != null && location.length() > LOCATION_MAX) {
            throw new IllegalArgumentException("a location has at most " + LOCATION_MAX + " characters");
        }
    }

    /**
     * The time of a booking that starts at {@code start} and lasts {@code durationMinutes}: the server computes
     * the end. The start is kept to the microsecond, the precision the database stores.
     */
    public static TimeRange timeOf(Instant start, int durationMinutes) {
        return TimeRange.of(start.truncatedTo(ChronoUnit.MICROS), Duration.ofMinutes(durationMinutes));
    }
}
