package io.bantam.booking.rules.domain;

import io.bantam.booking.time.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Free slots are the times the policies allow: every start on the step grid of each span of availability
 * (elapsed time from the span's start) such that {@code [start, start + duration)} fits in the span and the
 * given policies refuse nothing there; ascending. The slot search has no rules of its own.
 */
public final class SlotSearch {

    private SlotSearch() {
    }

    /**
     * @param spans the availability spans to search (sorted, disjoint: {@link Schedule#spans})
     * @param facts the facts over (at least) those spans
     */
    public static List<TimeRange> find(List<TimeRange> spans, BookingFacts facts, List<BookingPolicy> policies,
            Duration duration, Duration step) {
        if (duration.isNegative() || duration.isZero() || step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("duration and step must be positive");
        }
        List<TimeRange> slots = new ArrayList<>();
        for (TimeRange span : spans) {
            Instant latestStart = span.end().minus(duration);
            for (Instant start = span.start(); !start.isAfter(latestStart); start = start.plus(step)) {
                TimeRange slot = new TimeRange(start, start.plus(duration));
                if (BookingPolicy.firstRefusal(policies, facts, slot).isEmpty()) {
                    slots.add(slot);
                }
            }
        }
        return slots;
    }
}
