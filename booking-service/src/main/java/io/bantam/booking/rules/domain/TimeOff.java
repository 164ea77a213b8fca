package io.bantam.booking.rules.domain;

import io.bantam.booking.time.TimeRange;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/** Time the freelancer is away: it is taken out of its availability, whatever the windows say. */
public record TimeOff(UUID id, TimeRange time, String note) {

    public static final Duration MAX_LENGTH = Duration.ofDays(366);
    public static final int NOTE_MAX = 500;

    public TimeOff {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        if (time.duration().compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("time off lasts at most 366 days");
        }
        if (note != null && note.length() > NOTE_MAX) {
            throw new IllegalArgumentException("a note has at most " + NOTE_MAX + " characters");
        }
    }
}
