package io.bantam.booking.rules.domain;

import io.bantam.booking.time.TimeRange;
import java.util.List;

/** Binary searches over sorted, disjoint ranges (as {@link TimeRange#union} gives them). */
final class Ranges {

    private Ranges() {
    }

    /** Whether {@code range} lies inside one of the sorted, disjoint {@code ranges}. */
    static boolean containedInOne(List<TimeRange> ranges, TimeRange range) {
        int i = lastStartingAtOrBefore(ranges, range);
        return i >= 0 && ranges.get(i).contains(range);
    }

    /** Whether {@code range} overlaps any of the sorted, disjoint {@code ranges}. */
    static boolean overlapsAny(List<TimeRange> ranges, TimeRange range) {
        int i = lastStartingAtOrBefore(ranges, range);
        if (i >= 0 && ranges.get(i).overlaps(range)) {
            return true;
        }
        return i + 1 < ranges.size() && ranges.get(i + 1).overlaps(range);
    }

    /** The index of the last range starting at or before {@code range}'s start, or -1. */
    private static int lastStartingAtOrBefore(List<TimeRange> ranges, TimeRange range) {
        int low = 0;
        int high = ranges.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (!ranges.get(mid).start().isAfter(range.start())) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }
}
