package io.bantam.booking.availability.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.booking.time.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The slot search against a brute-force oracle on random schedules: try every grid point of every window and
 * compare each candidate with every booking.
 */
class FreeSlotsProperties {

    static final Instant BASE = Instant.parse("2026-12-07T00:00:00Z");

    record Schedule(List<TimeRange> spans, List<TimeRange> busy, Duration duration, Duration step, Instant now) {
    }

    static Instant minute(int m) {
        return BASE.plusSeconds(60L * m);
    }

    @Provide
    Arbitrary<Schedule> schedules() {
        Arbitrary<List<TimeRange>> spans = Arbitraries.integers().between(0, 3000).set().ofMaxSize(10)
                .map(points -> {
                    List<Integer> sorted = new ArrayList<>(points);
                    sorted.sort(null);
                    List<TimeRange> ranges = new ArrayList<>();
                    for (int i = 0; i + 1 < sorted.size(); i += 2) {
                        ranges.add(new TimeRange(minute(sorted.get(i)), minute(sorted.get(i + 1))));
                    }
                    // what WeeklyAvailability.spans gives: sorted, neither overlapping nor touching
                    return TimeRange.union(ranges);
                });
        Arbitrary<TimeRange> booking = Combinators.combine(Arbitraries.integers().between(-200, 3200),
                Arbitraries.integers().between(1, 400)).as((start, length) -> new TimeRange(minute(start),
                minute(start + length)));
        Arbitrary<List<TimeRange>> busy = booking.list().ofMaxSize(12);
        Arbitrary<Duration> duration = Arbitraries.integers().between(1, 300).map(Duration::ofMinutes);
        Arbitrary<Duration> step = Arbitraries.integers().between(1, 120).map(Duration::ofMinutes);
        Arbitrary<Instant> now = Arbitraries.integers().between(-100, 3100).map(m -> minute(m).plusSeconds(m % 7));
        return Combinators.combine(spans, busy, duration, step, now).as(Schedule::new);
    }

    static List<TimeRange> oracle(Schedule s) {
        List<TimeRange> slots = new ArrayList<>();
        for (TimeRange span : s.spans()) {
            for (Instant start = span.start(); !start.plus(s.duration()).isAfter(span.end());
                    start = start.plus(s.step())) {
                TimeRange candidate = TimeRange.of(start, s.duration());
                boolean free = s.busy().stream().noneMatch(candidate::overlaps);
                if (free && start.isAfter(s.now())) {
                    slots.add(candidate);
                }
            }
        }
        slots.sort(null);
        return slots;
    }

    @Property
    void slotsAreExactlyWhatTheBruteForceFinds(@ForAll("schedules") Schedule s) {
        List<TimeRange> slots = FreeSlots.find(s.spans(), s.busy(), s.duration(), s.step(), s.now());

        assertThat(slots).isEqualTo(oracle(s));
    }

    @Property
    void noSlotOverlapsABookingOrLeavesItsWindow(@ForAll("schedules") Schedule s) {
        for (TimeRange slot : FreeSlots.find(s.spans(), s.busy(), s.duration(), s.step(), s.now())) {
            assertThat(s.busy()).noneMatch(slot::overlaps);
            assertThat(s.spans()).anyMatch(span -> span.contains(slot));
            assertThat(slot.start()).isAfter(s.now());
        }
    }
}
