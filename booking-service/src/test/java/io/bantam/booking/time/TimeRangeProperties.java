package io.bantam.booking.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The overlap rule and the union of ranges against a brute-force oracle: sets of minutes. */
class TimeRangeProperties {

    static final Instant BASE = Instant.parse("2026-12-07T00:00:00Z");

    @Provide
    Arbitrary<TimeRange> ranges() {
        return Combinators.combine(Arbitraries.integers().between(0, 600), Arbitraries.integers().between(1, 240))
                .as((start, length) -> minutes(start, start + length));
    }

    static TimeRange minutes(int start, int end) {
        return new TimeRange(BASE.plusSeconds(60L * start), BASE.plusSeconds(60L * end));
    }

    /** The minutes a range holds: m such that [m, m+1) is inside it. */
    static Set<Long> minutesOf(TimeRange range) {
        Set<Long> minutes = new TreeSet<>();
        for (Instant m = range.start(); m.isBefore(range.end()); m = m.plusSeconds(60)) {
            minutes.add(m.getEpochSecond() / 60);
        }
        return minutes;
    }

    @Property
    void twoRangesOverlapExactlyWhenTheyShareAMinute(@ForAll("ranges") TimeRange a, @ForAll("ranges") TimeRange b) {
        Set<Long> shared = new TreeSet<>(minutesOf(a));
        shared.retainAll(minutesOf(b));

        assertThat(a.overlaps(b)).isEqualTo(!shared.isEmpty());
        assertThat(a.overlaps(b)).isEqualTo(b.overlaps(a));
    }

    @Property
    void containsMeansEveryMinuteOfTheOtherIsInside(@ForAll("ranges") TimeRange a, @ForAll("ranges") TimeRange b) {
        assertThat(a.contains(b)).isEqualTo(minutesOf(a).containsAll(minutesOf(b)));
    }

    @Property
    void unionHoldsTheSameMinutesInSortedRangesThatNeitherOverlapNorTouch(
            @ForAll("rangeLists") List<TimeRange> ranges) {
        List<TimeRange> union = TimeRange.union(ranges);

        Set<Long> expected = new TreeSet<>();
        ranges.forEach(range -> expected.addAll(minutesOf(range)));
        Set<Long> actual = new TreeSet<>();
        union.forEach(range -> actual.addAll(minutesOf(range)));
        assertThat(actual).isEqualTo(expected);
        for (int i = 1; i < union.size(); i++) {
            assertThat(union.get(i - 1).end()).isBefore(union.get(i).start());
        }
    }

    @Provide
    Arbitrary<List<TimeRange>> rangeLists() {
        return ranges().list().ofMaxSize(8).map(ArrayList::new);
    }
}
