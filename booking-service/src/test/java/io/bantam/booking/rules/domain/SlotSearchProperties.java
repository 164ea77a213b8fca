package io.bantam.booking.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.booking.availability.domain.WeeklyAvailability;
import io.bantam.booking.availability.domain.WeeklyWindow;
import io.bantam.booking.time.TimeOfDay;
import io.bantam.booking.time.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The slots are the rules: on generated calendars around daylight-saving changes (weekly windows, date
 * overrides, time off, the freelancer's bookings with their buffers, the client's bookings, the pair's bookings
 * this week, any rules), a time on the grid is offered exactly when a client's booking attempt there, with the
 * facts loaded as the booking path loads them (only what is near the attempt), is accepted.
 */
class SlotSearchProperties {

    static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"), ZoneId.of("America/Santiago"), ZoneId.of("UTC"));

    /** A generated calendar and a search over it. */
    record Calendar(ZoneId zone, LocalDate from, int days, List<WeeklyWindow> weekly, List<DateOverride> overrides,
            List<TimeRange> timeOff, List<HeldTime> freelancer, List<TimeRange> client, List<Instant> pairStarts,
            BookingRules rules, Instant now, int durationMinutes, int stepMinutes) {

        LocalDate to() {
            return from.plusDays(days - 1);
        }

        Schedule schedule() {
            return Schedule.of(new WeeklyAvailability(zone, weekly), overrides, timeOff);
        }

        Instant at(int day, int minute) {
            return from.atStartOfDay(zone).toInstant().plus(Duration.ofMinutes(day * 1440L + minute));
        }
    }

    @Property(tries = 400)
    void aSlotIsOfferedExactlyWhenABookingThereWouldBeAccepted(@ForAll("calendars") Calendar calendar) {
        Schedule schedule = calendar.schedule();
        List<TimeRange> spans = schedule.spans(calendar.from(), calendar.to());
        BookingFacts searchFacts = BookingFacts.of(calendar.now(), schedule, calendar.rules(), spans,
                calendar.freelancer(), calendar.client(), calendar.pairStarts());
        Duration duration = Duration.ofMinutes(calendar.durationMinutes());
        Duration step = Duration.ofMinutes(calendar.stepMinutes());

        List<TimeRange> slots = SlotSearch.find(spans, searchFacts, BookingPolicy.CLIENT_BOOKING, duration, step);

        Set<TimeRange> offered = new HashSet<>(slots);
        assertThat(offered).hasSameSizeAs(slots);
        int candidates = 0;
        for (TimeRange span : spans) {
            for (Instant start = span.start(); !start.plus(duration).isAfter(span.end()); start = start.plus(step)) {
                TimeRange candidate = new TimeRange(start, start.plus(duration));
                boolean accepted = attempt(calendar, schedule, candidate).isEmpty();
                assertThat(offered.contains(candidate)).as("%s offered == accepted (%s)", candidate,
                        attempt(calendar, schedule, candidate)).isEqualTo(accepted);
                candidates++;
            }
        }
        assertThat(slots.size()).isLessThanOrEqualTo(candidates);
        // the calendars must exercise both answers, not only empty searches
        Statistics.label("slots").collect(slots.isEmpty() ? "none" : "some");
        Statistics.label("refused candidates").collect(candidates > slots.size() ? "some" : "none");
        Statistics.label("slots").coverage(coverage -> coverage.check("some").percentage(p -> p >= 20));
        Statistics.label("refused candidates").coverage(coverage -> coverage.check("some").percentage(p -> p >= 20));
        for (int i = 1; i < slots.size(); i++) {
            assertThat(slots.get(i - 1).start()).isBefore(slots.get(i).start());
        }
    }

    /**
     * A client's attempt at {@code time}, with the facts the booking path loads: the schedule of the dates
     * around it, the time off over it, the freelancer's bookings within reach of the buffers, the client's that
     * overlap it, and the pair's in its week (the freelancer's zone).
     */
    static java.util.Optional<Refusal> attempt(Calendar calendar, Schedule schedule, TimeRange time) {
        Duration reach = Duration.ofMinutes(480);
        TimeRange near = new TimeRange(time.start().minus(reach), time.end().plus(reach));
        LocalDate week = BookingFacts.weekOf(time.start(), calendar.zone());
        Instant weekStart = week.atStartOfDay(calendar.zone()).toInstant();
        Instant weekEnd = week.plusWeeks(1).atStartOfDay(calendar.zone()).toInstant();
        Schedule nearSchedule = Schedule.of(schedule.weekly(), schedule.overrides().values(),
                schedule.timeOff().stream().filter(t -> t.overlaps(time)).toList());
        BookingFacts facts = BookingFacts.of(calendar.now(), nearSchedule, calendar.rules(),
                nearSchedule.spansAround(time),
                calendar.freelancer().stream().filter(h -> h.time().overlaps(near)).toList(),
                calendar.client().stream().filter(c -> c.overlaps(time)).toList(),
                calendar.pairStarts().stream().filter(s -> !s.isBefore(weekStart) && s.isBefore(weekEnd)).toList());
        return BookingPolicy.firstRefusal(BookingPolicy.CLIENT_BOOKING, facts, time);
    }

    @Provide
    Arbitrary<Calendar> calendars() {
        return Combinators.combine(Arbitraries.of(ZONES), Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(1, 4), Arbitraries.integers().between(0, 1))
                .flatAs((zone, daysBefore, days, which) -> {
                    LocalDate change = transitionDate(zone, which);
                    LocalDate from = change.minusDays(daysBefore);
                    return Combinators.combine(
                                    weekly(),
                                    overrides(from, days),
                                    ranges(from, zone, days, 3, 15, 24 * 60),
                                    held(from, zone, days),
                                    ranges(from, zone, days, 4, 15, 180),
                                    starts(from, zone, days),
                                    rules(),
                                    Arbitraries.integers().between(-3 * 24 * 60, days * 12 * 60))
                            .flatAs((weekly, overrides, timeOff, freelancer, client, pair, rules, nowMinute) ->
                                    Combinators.combine(Arbitraries.integers().between(1, 36),
                                                    Arbitraries.integers().between(1, 12))
                                            .as((duration, step) -> new Calendar(zone, from, days, weekly, overrides,
                                                    timeOff, freelancer, client, pair, rules,
                                                    from.atStartOfDay(zone).toInstant()
                                                            .plus(Duration.ofMinutes(nowMinute)),
                                                    duration * 5, step * 5)));
                });
    }

    /** A date of a daylight-saving change in 2027 (or a plain date where the zone has none). */
    static LocalDate transitionDate(ZoneId zone, int which) {
        ZoneOffsetTransition transition = zone.getRules().nextTransition(Instant.parse("2027-01-01T00:00:00Z"));
        if (transition == null) {
            return LocalDate.parse("2027-03-28");
        }
        if (which == 1) {
            ZoneOffsetTransition next = zone.getRules().nextTransition(transition.getInstant());
            transition = next == null ? transition : next;
        }
        return LocalDate.ofInstant(transition.getInstant(), zone);
    }

    static Arbitrary<List<WeeklyWindow>> weekly() {
        return window().list().ofMaxSize(7).map(SlotSearchProperties::disjoint);
    }

    /** Windows on half hours (so 02:00–03:00 and the like are common), some to 24:00. */
    static Arbitrary<WeeklyWindow> window() {
        return Combinators.combine(Arbitraries.of(DayOfWeek.values()), Arbitraries.integers().between(0, 47),
                        Arbitraries.integers().between(1, 48))
                .as((day, a, b) -> new WeeklyWindow(day, new TimeOfDay(Math.min(a, b) * 30),
                        new TimeOfDay(Math.max(a + 1, b) * 30 > 1440 ? 1440 : Math.max(a + 1, b) * 30)));
    }

    static List<WeeklyWindow> disjoint(List<WeeklyWindow> windows) {
        List<WeeklyWindow> kept = new ArrayList<>();
        for (WeeklyWindow window : windows) {
            boolean overlaps = kept.stream().anyMatch(k -> k.day() == window.day()
                    && k.start().compareTo(window.end()) < 0 && window.start().compareTo(k.end()) < 0);
            if (!overlaps && window.start().compareTo(window.end()) < 0) {
                kept.add(window);
            }
        }
        return kept;
    }

    static Arbitrary<List<DateOverride>> overrides(LocalDate from, int days) {
        return Combinators.combine(Arbitraries.integers().between(-1, days), window().list().ofMaxSize(2))
                .as((offset, windows) -> {
                    LocalDate date = from.plusDays(offset);
                    List<DateOverride.Window> own = disjoint(windows.stream()
                            .map(w -> new WeeklyWindow(date.getDayOfWeek(), w.start(), w.end())).toList()).stream()
                            .map(w -> new DateOverride.Window(w.start(), w.end())).toList();
                    return DateOverride.of(date, own);
                })
                .list().ofMaxSize(3).uniqueElements(DateOverride::date);
    }

    static Arbitrary<List<TimeRange>> ranges(LocalDate from, ZoneId zone, int days, int most, int grain, int longest) {
        return Combinators.combine(Arbitraries.integers().between(-24 * 60 / grain, days * 24 * 60 / grain),
                        Arbitraries.integers().between(1, longest / grain))
                .as((start, length) -> TimeRange.of(from.atStartOfDay(zone).toInstant()
                        .plus(Duration.ofMinutes((long) start * grain)), Duration.ofMinutes((long) length * grain)))
                .list().ofMaxSize(most);
    }

    static Arbitrary<List<HeldTime>> held(LocalDate from, ZoneId zone, int days) {
        return Combinators.combine(ranges(from, zone, days, 1, 5, 240).filter(l -> !l.isEmpty()).map(l -> l.get(0)),
                        Arbitraries.integers().between(0, 48), Arbitraries.integers().between(0, 48))
                .as((time, before, after) -> new HeldTime(time, before * 5, after * 5))
                .list().ofMaxSize(6);
    }

    static Arbitrary<List<Instant>> starts(LocalDate from, ZoneId zone, int days) {
        return Arbitraries.integers().between(-8 * 24 * 4, (days + 8) * 24 * 4)
                .map(q -> from.atStartOfDay(zone).toInstant().plus(Duration.ofMinutes(15L * q)))
                .list().ofMaxSize(4);
    }

    static Arbitrary<BookingRules> rules() {
        return Combinators.combine(Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 12),
                        Arbitraries.integers().between(0, 12 * 4), Arbitraries.integers().between(1, 10),
                        Arbitraries.integers().between(0, 3))
                .as((before, after, notice, horizon, max) -> new BookingRules(before * 5, after * 5, notice * 15,
                        horizon, max == 0 ? null : max, 0));
    }
}
