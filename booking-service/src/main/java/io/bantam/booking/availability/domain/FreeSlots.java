package io.bantam.booking.availability.domain;

import io.bantam.booking.time.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Free slots: every start on the step grid of each span of availability (counted in elapsed time from the
 * span's start) such that {@code [start, start + duration)} fits in the span, starts after {@code now}, and
 * overlaps none of the busy ranges; ascending.
 *
 * <p>One pass over the spans and the busy ranges together (both sorted), skipping whole stretches of grid
 * that are in the past or blocked: linear in spans + busy ranges + slots returned.
 */
public final class FreeSlots {

    private FreeSlots() {
    }

    /**
     * @param spans availability, sorted and disjoint (as {@link WeeklyAvailability#spans} gives them)
     * @param busy the parties' bookings, in any order, overlapping allowed
     */
    public static List<TimeRange> find(List<TimeRange> spans, List<TimeRange> busy, Duration duration,
            Duration step, Instant now) {
        Objects.requireNonNull(now, "now");
        if (duration.isNegative() || duration.isZero() || step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("duration and step must be positive");
        }
        List<TimeRange> blocked = TimeRange.union(busy);
        List<TimeRange> slots = new ArrayList<>();
        int next = 0;
        for (TimeRange span : spans) {
            Instant latestStart = span.end().minus(duration);
            Instant start = firstOnGridAfter(span.start(), step, now);
            while (!start.isAfter(latestStart)) {
                Instant end = start.plus(duration);
                while (next < blocked.size() && !blocked.get(next).end().isAfter(start)) {
                    next++;
                }
                if (next < blocked.size() && blocked.get(next).start().isBefore(end)) {
                    // blocked: go on at the first grid point at or after the end of the blocking range
                    start = firstOnGridAtOrAfter(span.start(), step, blocked.get(next).end());
                    continue;
                }
                slots.add(new TimeRange(start, end));
                start = start.plus(step);
            }
        }
        return slots;
    }

    /** The first grid point {@code origin + k * step} (k >= 0) strictly after {@code instant}. */
    static Instant firstOnGridAfter(Instant origin, Duration step, Instant instant) {
        if (instant.isBefore(origin)) {
            return origin;
        }
        long steps = Duration.between(origin, instant).toNanos() / step.toNanos() + 1;
        return origin.plus(step.multipliedBy(steps));
    }

    /** The first grid point {@code origin + k * step} (k >= 0) at or after {@code instant}. */
    static Instant firstOnGridAtOrAfter(Instant origin, Duration step, Instant instant) {
        if (!instant.isAfter(origin)) {
            return origin;
        }
        long nanos = Duration.between(origin, instant).toNanos();
        long steps = (nanos + step.toNanos() - 1) / step.toNanos();
        return origin.plus(step.multipliedBy(steps));
    }
}
