package io.bantam.booking.availability.web;

import io.bantam.booking.time.TimeRange;
import java.time.Instant;

/** One free slot, {@code [start, end)}. */
record SlotResponse(Instant start, Instant end) {

    static SlotResponse of(TimeRange range) {
        return new SlotResponse(range.start(), range.end());
    }
}
