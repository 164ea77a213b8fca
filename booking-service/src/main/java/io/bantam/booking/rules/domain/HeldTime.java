package io.bantam.booking.rules.domain;

import io.bantam.booking.time.TimeRange;
import java.time.Duration;

/** The time a live booking holds for one party, with the buffers that were in force when it was made. */
public record HeldTime(TimeRange time, int bufferBeforeMinutes, int bufferAfterMinutes) {

    public static HeldTime plain(TimeRange time) {
        return new HeldTime(time, 0, 0);
    }

    /** The time widened by its buffers. */
    public TimeRange widened() {
        return widen(time, bufferBeforeMinutes, bufferAfterMinutes);
    }

    static TimeRange widen(TimeRange time, int beforeMinutes, int afterMinutes) {
        return new TimeRange(time.start().minus(Duration.ofMinutes(beforeMinutes)),
                time.end().plus(Duration.ofMinutes(afterMinutes)));
    }
}
