package io.bantam.booking.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A half-open span of time, {@code [start, end)}: it contains {@code start} and not {@code end}, so a range
 * that ends at 10:00 and one that starts at 10:00 do not overlap. Never empty.
 */
public record TimeRange(Instant start, Instant end) implements Comparable<TimeRange> {

    private static final Comparator<TimeRange> ORDER = Comparator.comparing(TimeRange::start)
            .thenComparing(TimeRange::end);

    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a time range must start before it ends: " + start + " / " + end);
        }
    }

    public static TimeRange of(Instant start, Duration duration) {
        return new TimeRange(start, start.plus(duration));
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** Whether the two share at least one instant; ranges that only touch do not. */
    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** Whether every instant of {@code other} is in this range. */
    public boolean contains(TimeRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    /**
     * The same instants as the given ranges, as few ranges as possible: sorted, and ranges that overlap or
     * touch joined into one.
     */
    public static List<TimeRange> union(List<TimeRange> ranges) {
        List<TimeRange> sorted = new ArrayList<>(ranges);
        sorted.sort(ORDER);
        List<TimeRange> merged = new ArrayList<>(sorted.size());
        for (TimeRange range : sorted) {
            int last = merged.size() - 1;
            if (last >= 0 && !range.start.isAfter(merged.get(last).end)) {
                TimeRange previous = merged.get(last);
                if (range.end.isAfter(previous.end)) {
                    merged.set(last, new TimeRange(previous.start, range.end));
                }
            } else {
                merged.add(range);
            }
        }
        return merged;
    }

    @Override
    public int compareTo(TimeRange other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
