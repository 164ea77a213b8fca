package io.bantam.booking.availability.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.booking.time.TimeOfDay;
import io.bantam.booking.time.TimeRange;
import io.bantam.booking.time.WallClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
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

/**
 * Weekly availability against a brute-force oracle: an instant is available when some window of its own or a
 * neighbouring date holds it, each window resolved edge by edge with {@link WallClock}. Dates are drawn around
 * daylight-saving changes.
 */
class WeeklyAvailabilityProperties {

    static final String[] ZONES = {"Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
            "Pacific/Chatham", "UTC"};

    record Week(WeeklyAvailability availability, LocalDate from) {
    }

    @Provide
    Arbitrary<Week> weeks() {
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES).map(ZoneId::of);
        // per day, distinct quarter-hours 0..96 paired into windows: valid by construction, touching allowed
        Arbitrary<List<WeeklyWindow>> windows = Arbitraries.integers().between(0, 6).flatMap(dayIndex ->
                Arbitraries.integers().between(0, 96).set().ofMaxSize(6).map(points -> {
                    List<Integer> sorted = new ArrayList<>(points);
                    sorted.sort(null);
                    List<WeeklyWindow> day = new ArrayList<>();
                    for (int i = 0; i + 1 < sorted.size(); i += 2) {
                        day.add(new WeeklyWindow(DayOfWeek.of(dayIndex + 1), new TimeOfDay(sorted.get(i) * 15),
                                new TimeOfDay(sorted.get(i + 1) * 15)));
                    }
                    return day;
                })).list().ofMaxSize(5).map(days -> {
                    List<WeeklyWindow> all = new ArrayList<>();
                    List<DayOfWeek> seen = new ArrayList<>();
                    for (List<WeeklyWindow> day : days) {
                        if (!day.isEmpty() && !seen.contains(day.get(0).day())) {
                            seen.add(day.get(0).day());
                            all.addAll(day);
                        }
                    }
                    return all;
                });
        Arbitrary<Integer> dayOfYear = Arbitraries.integers().between(0, 2 * 365);
        return Combinators.combine(zones, windows, dayOfYear).as((zone, ws, day) -> {
            Instant at = Instant.parse("2025-01-01T00:00:00Z").plus(day, ChronoUnit.DAYS);
            ZoneOffsetTransition next = zone.getRules().nextTransition(at);
            LocalDate around = LocalDate.ofInstant(next == null ? at : next.getInstant(), zone).minusDays(3);
            return new Week(WeeklyAvailability.of(zone, ws), around);
        });
    }

    /** Whether a window of some date holds the instant: the definition, window by window. */
    static boolean available(WeeklyAvailability weekly, Instant t) {
        LocalDate date = LocalDate.ofInstant(t, weekly.zone());
        for (LocalDate d = date.minusDays(1); !d.isAfter(date.plusDays(1)); d = d.plusDays(1)) {
            for (WeeklyWindow w : weekly.windows()) {
                if (w.day() == d.getDayOfWeek()) {
                    Instant start = WallClock.firstInstantShowing(w.start().on(d), weekly.zone());
                    Instant end = WallClock.firstInstantShowing(w.end().on(d), weekly.zone());
                    if (!t.isBefore(start) && t.isBefore(end)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Property(tries = 300)
    void spansHoldExactlyTheAvailableMinutes(@ForAll("weeks") Week week) {
        WeeklyAvailability weekly = week.availability();
        LocalDate to = week.from().plusDays(6);
        List<TimeRange> spans = weekly.spans(week.from(), to);

        Instant first = WallClock.firstInstantShowing(week.from().atStartOfDay(), weekly.zone());
        Instant last = WallClock.firstInstantShowing(to.plusDays(1).atStartOfDay(), weekly.zone());
        Set<Instant> expected = new TreeSet<>();
        Set<Instant> actual = new TreeSet<>();
        for (Instant t = first; t.isBefore(last); t = t.plusSeconds(15 * 60)) {
            if (available(weekly, t)) {
                expected.add(t);
            }
            Instant minute = t;
            if (spans.stream().anyMatch(s -> !minute.isBefore(s.start()) && minute.isBefore(s.end()))) {
                actual.add(t);
            }
        }
        assertThat(actual).isEqualTo(expected);
        for (int i = 1; i < spans.size(); i++) {
            assertThat(spans.get(i - 1).end()).isBefore(spans.get(i).start());
        }
    }

    @Property(tries = 300)
    void aRangeIsCoveredExactlyWhenEveryMinuteOfItIsAvailable(@ForAll("weeks") Week week,
            @ForAll("offsets") int startQuarter, @ForAll("durations") int minutes) {
        WeeklyAvailability weekly = week.availability();
        Instant start = WallClock.firstInstantShowing(week.from().atStartOfDay(), weekly.zone())
                .plus(Duration.ofMinutes(15L * startQuarter));
        TimeRange range = TimeRange.of(start, Duration.ofMinutes(minutes));

        boolean everyMinute = true;
        for (Instant t = range.start(); t.isBefore(range.end()); t = t.plusSeconds(60)) {
            everyMinute &= available(weekly, t);
        }
        assertThat(weekly.covers(range)).isEqualTo(everyMinute);
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(0, 7 * 96);
    }

    @Provide
    Arbitrary<Integer> durations() {
        return Arbitraries.integers().between(5, 720);
    }

    @Provide
    Arbitrary<Integer> steps() {
        return Arbitraries.integers().between(5, 120);
    }
}
