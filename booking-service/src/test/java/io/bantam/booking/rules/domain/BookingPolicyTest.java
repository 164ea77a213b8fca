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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each named policy, its code, and the order of the list; daylight-saving changes for every rule with time in it. */
class BookingPolicyTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Every day 00:00–24:00 in Berlin. */
    static final WeeklyAvailability ALWAYS = WeeklyAvailability.of(BERLIN, Arrays.stream(DayOfWeek.values())
            .map(day -> WeeklyWindow.of(day, "00:00", "24:00")).toList());

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static TimeRange time(String start, int minutes) {
        return TimeRange.of(at(start), Duration.ofMinutes(minutes));
    }

    static BookingRules rules(int before, int after, int notice, int horizon, Integer max, int cutoff) {
        return new BookingRules(before, after, notice, horizon, max, cutoff);
    }

    /** The facts a booking attempt at {@code time} would load, as the service loads them. */
    static BookingFacts facts(Instant now, Schedule schedule, BookingRules rules, TimeRange time, List<HeldTime> freelancer,
            List<TimeRange> client, List<Instant> pair) {
        return BookingFacts.of(now, schedule, rules, schedule.spansAround(time), freelancer, client, pair);
    }

    static Optional<String> refusal(Instant now, Schedule schedule, BookingRules rules, TimeRange time,
            List<HeldTime> freelancer, List<TimeRange> client, List<Instant> pair) {
        return BookingPolicy.firstRefusal(BookingPolicy.CLIENT_BOOKING,
                facts(now, schedule, rules, time, freelancer, client, pair), time).map(Refusal::code);
    }

    static Optional<String> refusal(Instant now, Schedule schedule, BookingRules rules, TimeRange time) {
        return refusal(now, schedule, rules, time, List.of(), List.of(), List.of());
    }

    static Schedule always() {
        return Schedule.of(ALWAYS, List.of(), List.of());
    }

    @Test
    void theChecksComeInTheContractsOrder() {
        assertThat(BookingPolicy.CLIENT_BOOKING).containsExactly(BookingPolicy.INSIDE_AVAILABILITY,
                BookingPolicy.MINIMUM_NOTICE, BookingPolicy.HORIZON, BookingPolicy.WEEKLY_MAXIMUM,
                BookingPolicy.BUFFERS, BookingPolicy.NO_OVERLAP);
        // a time that breaks every rule is refused by the first: outside availability
        Schedule closed = Schedule.of(WeeklyAvailability.none(BERLIN), List.of(), List.of());
        TimeRange past = time("2026-12-07T09:00:00Z", 60);
        assertThat(refusal(at("2026-12-08T00:00:00Z"), closed, rules(30, 30, 60, 1, 1, 0), past,
                List.of(HeldTime.plain(past)), List.of(past), List.of(past.start())))
                .contains("booking.outside-availability");
        // inside availability, it is too soon before it is too far or over the maximum
        assertThat(refusal(at("2026-12-08T00:00:00Z"), always(), rules(30, 30, 60, 1, 1, 0), past,
                List.of(HeldTime.plain(past)), List.of(past), List.of(past.start())))
                .contains("booking.too-soon");
    }

    @Test
    void eachRuleRefusesWithItsCode() {
        Instant now = at("2026-12-01T08:00:00Z");
        Schedule schedule = always();
        assertThat(refusal(now, schedule, rules(0, 0, 120, 365, null, 0), time("2026-12-01T09:59:00Z", 30)))
                .contains("booking.too-soon");
        assertThat(refusal(now, schedule, rules(0, 0, 120, 365, null, 0), time("2026-12-01T10:00:00Z", 30)))
                .isEmpty();
        assertThat(refusal(now, schedule, rules(0, 0, 0, 7, null, 0), time("2026-12-08T08:00:00Z", 30)))
                .contains("booking.too-far");
        assertThat(refusal(now, schedule, rules(0, 0, 0, 7, null, 0), time("2026-12-08T07:59:00Z", 30)))
                .isEmpty();
        List<Instant> twoThisWeek = List.of(at("2026-11-30T10:00:00Z"), at("2026-12-02T10:00:00Z"));
        assertThat(refusal(now, schedule, rules(0, 0, 0, 365, 2, 0), time("2026-12-04T10:00:00Z", 30), List.of(),
                List.of(), twoThisWeek)).contains("booking.limit-reached");
        assertThat(refusal(now, schedule, rules(0, 0, 0, 365, 3, 0), time("2026-12-04T10:00:00Z", 30), List.of(),
                List.of(), twoThisWeek)).isEmpty();
        assertThat(refusal(now, schedule, rules(0, 0, 0, 365, 2, 0), time("2026-12-07T10:00:00Z", 30), List.of(),
                List.of(), twoThisWeek)).isEmpty();
    }

    @Test
    void buffersWidenBothTheNewBookingAndEveryOtherByItsOwn() {
        Instant now = at("2026-12-01T08:00:00Z");
        // another booking 10:00–11:00 that keeps 15 minutes after it
        List<HeldTime> other = List.of(new HeldTime(time("2026-12-01T10:00:00Z", 60), 0, 15));
        BookingRules tenBefore = rules(10, 0, 0, 365, null, 0);
        assertThat(refusal(now, always(), tenBefore, time("2026-12-01T11:20:00Z", 30), other, List.of(), List.of()))
                .contains("booking.conflict");
        assertThat(refusal(now, always(), tenBefore, time("2026-12-01T11:25:00Z", 30), other, List.of(), List.of()))
                .isEmpty();
        // back to back before it: the new one's after-buffer (0) and the other's before-buffer (0) touch
        assertThat(refusal(now, always(), tenBefore, time("2026-12-01T09:30:00Z", 30), other, List.of(), List.of()))
                .isEmpty();
        BookingFacts facts = facts(now, always(), tenBefore, time("2026-12-01T11:20:00Z", 30), other, List.of(),
                List.of());
        assertThat(BookingPolicy.BUFFERS.check(facts, time("2026-12-01T11:20:00Z", 30)))
                .hasValueSatisfying(r -> assertThat(r.conflictingParty()).isEqualTo("FREELANCER"));
    }

    @Test
    void timeOffTakesTimeOutOfAvailability() {
        Instant now = at("2026-12-01T08:00:00Z");
        Schedule away = Schedule.of(ALWAYS, List.of(), List.of(time("2026-12-02T00:00:00Z", 24 * 60)));
        assertThat(refusal(now, away, BookingRules.DEFAULTS, time("2026-12-02T10:00:00Z", 30)))
                .contains("booking.outside-availability");
        assertThat(refusal(now, away, BookingRules.DEFAULTS, time("2026-12-01T23:30:00Z", 30))).isEmpty();
        assertThat(refusal(now, away, BookingRules.DEFAULTS, time("2026-12-01T23:45:00Z", 30)))
                .contains("booking.outside-availability");
    }

    @Test
    void anOverrideOnASpringForwardNightIsResolvedInTheZone() {
        // 2027-03-28: Berlin jumps from 02:00 CET to 03:00 CEST; the override 01:00–04:00 lasts two hours
        LocalDate springForward = LocalDate.parse("2027-03-28");
        DateOverride override = DateOverride.of(springForward, List.of(
                new DateOverride.Window(TimeOfDay.parse("01:00"), TimeOfDay.parse("04:00"))));
        Schedule schedule = Schedule.of(ALWAYS, List.of(override), List.of());
        Instant now = at("2027-03-20T00:00:00Z");

        assertThat(schedule.spans(springForward, springForward))
                .containsExactly(new TimeRange(at("2027-03-28T00:00:00Z"), at("2027-03-28T02:00:00Z")));
        assertThat(refusal(now, schedule, BookingRules.DEFAULTS, time("2027-03-28T01:00:00Z", 60))).isEmpty();
        assertThat(refusal(now, schedule, BookingRules.DEFAULTS, time("2027-03-28T01:30:00Z", 60)))
                .contains("booking.outside-availability");
        // the week still holds on the days around it, and a closed date is closed
        Schedule closed = Schedule.of(ALWAYS, List.of(DateOverride.of(springForward, List.of())), List.of());
        assertThat(refusal(now, closed, BookingRules.DEFAULTS, time("2027-03-28T10:00:00Z", 60)))
                .contains("booking.outside-availability");
        assertThat(refusal(now, closed, BookingRules.DEFAULTS, time("2027-03-27T22:00:00Z", 60))).isEmpty();
    }

    @Test
    void theWeekOfTheMaximumIsMondayToSundayInTheFreelancersZoneAcrossAFallBack() {
        // 2026-10-25: Berlin falls back from 03:00 CEST to 02:00 CET. Monday 2026-10-26 00:30 CET is still Sunday in UTC.
        Instant now = at("2026-10-01T00:00:00Z");
        List<Instant> sundayBooking = List.of(at("2026-10-25T09:00:00Z"));
        BookingRules onePerWeek = rules(0, 0, 0, 365, 1, 0);
        TimeRange mondayJustAfterMidnight = time("2026-10-25T23:30:00Z", 30);
        TimeRange sundayJustBeforeMidnight = time("2026-10-25T22:30:00Z", 30);

        assertThat(BookingFacts.weekOf(mondayJustAfterMidnight.start(), BERLIN)).isEqualTo(LocalDate.parse("2026-10-26"));
        assertThat(refusal(now, always(), onePerWeek, mondayJustAfterMidnight, List.of(), List.of(), sundayBooking))
                .isEmpty();
        assertThat(refusal(now, always(), onePerWeek, sundayJustBeforeMidnight, List.of(), List.of(), sundayBooking))
                .contains("booking.limit-reached");
    }

    @Test
    void noticeIsElapsedTimeAcrossASpringForward() {
        // now 01:30 CET; two hours of notice end at 02:30Z = 04:30 CEST, three hours later on the wall clock
        Instant now = at("2027-03-28T00:30:00Z");
        BookingRules twoHours = rules(0, 0, 120, 365, null, 0);
        assertThat(refusal(now, always(), twoHours, time("2027-03-28T02:29:00Z", 30))).contains("booking.too-soon");
        assertThat(refusal(now, always(), twoHours, time("2027-03-28T02:30:00Z", 30))).isEmpty();
    }

    @Test
    void theHorizonIsElapsedTimeAcrossAFallBack() {
        // one day ahead of 2026-10-24T10:00Z is 2026-10-25T10:00Z, although the wall clock shows an hour less
        Instant now = at("2026-10-24T10:00:00Z");
        BookingRules oneDay = rules(0, 0, 0, 1, null, 0);
        assertThat(refusal(now, always(), oneDay, time("2026-10-25T09:59:00Z", 30))).isEmpty();
        assertThat(refusal(now, always(), oneDay, time("2026-10-25T10:00:00Z", 30))).contains("booking.too-far");
    }

    @Test
    void theCutOffIsElapsedTimeAcrossASpringForward() {
        Instant now = at("2027-03-28T00:30:00Z");
        BookingFacts facts = BookingFacts.of(now, always(), rules(0, 0, 0, 365, null, 120), List.of(), List.of(),
                List.of(), List.of());
        assertThat(BookingPolicy.firstRefusal(BookingPolicy.CLIENT_CHANGE, facts, time("2027-03-28T02:29:00Z", 30)))
                .map(Refusal::code).contains("booking.change-too-late");
        assertThat(BookingPolicy.firstRefusal(BookingPolicy.CLIENT_CHANGE, facts, time("2027-03-28T02:30:00Z", 30)))
                .isEmpty();
    }

    @Test
    void aClientsOwnRulesOverrideTheDefaultsOneByOne() {
        BookingRules defaults = rules(10, 10, 2880, 365, null, 60);
        ClientRules regular = new ClientRules(java.util.UUID.randomUUID(), null, null, 0, null, 2, null);
        assertThat(defaults.forClient(regular)).isEqualTo(rules(10, 10, 0, 365, 2, 60));
    }

    @Test
    void strandedBookingsSayWhy() {
        Schedule schedule = Schedule.of(WeeklyAvailability.of(BERLIN, List.of(WeeklyWindow.of(DayOfWeek.MONDAY,
                "09:00", "17:00"))), List.of(), List.of(time("2026-12-07T12:00:00Z", 60)));
        assertThat(Stranded.reasons(schedule, time("2026-12-07T09:00:00Z", 60), true)).isEmpty();
        assertThat(Stranded.reasons(schedule, time("2026-12-08T09:00:00Z", 60), true))
                .containsExactly(Stranded.OUTSIDE_AVAILABILITY);
        assertThat(Stranded.reasons(schedule, time("2026-12-08T09:00:00Z", 60), false)).isEmpty();
        assertThat(Stranded.reasons(schedule, time("2026-12-07T12:30:00Z", 60), true))
                .containsExactly(Stranded.TIME_OFF);
    }
}
