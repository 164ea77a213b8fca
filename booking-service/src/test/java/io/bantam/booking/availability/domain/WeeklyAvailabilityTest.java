package io.bantam.booking.availability.domain;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bantam.booking.time.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Weekly windows on the time line, in several zones and across both daylight-saving changes. */
class WeeklyAvailabilityTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    static WeeklyAvailability weekly(ZoneId zone, WeeklyWindow... windows) {
        return WeeklyAvailability.of(zone, List.of(windows));
    }

    static TimeRange utc(String start, String end) {
        return new TimeRange(Instant.parse(start), Instant.parse(end));
    }

    static List<TimeRange> on(WeeklyAvailability weekly, String date) {
        return weekly.spans(LocalDate.parse(date), LocalDate.parse(date));
    }

    @Nested
    class OrdinaryDays {

        @Test
        void aBerlinMondayIsSevenToFifteenUtcInSummerAndEightToSixteenInWinter() {
            WeeklyAvailability weekly = weekly(BERLIN, WeeklyWindow.of(MONDAY, "09:00", "17:00"));

            assertThat(on(weekly, "2026-07-06")).containsExactly(utc("2026-07-06T07:00:00Z", "2026-07-06T15:00:00Z"));
            assertThat(on(weekly, "2026-12-07")).containsExactly(utc("2026-12-07T08:00:00Z", "2026-12-07T16:00:00Z"));
        }

        @Test
        void aHalfHourOffsetShiftsTheWindowByHalfAnHour() {
            WeeklyAvailability weekly = weekly(KOLKATA, WeeklyWindow.of(MONDAY, "09:00", "17:30"));

            assertThat(on(weekly, "2026-12-07")).containsExactly(utc("2026-12-07T03:30:00Z", "2026-12-07T12:00:00Z"));
        }

        @Test
        void onlyTheDaysOfTheWeekThatHaveWindowsHaveSpans() {
            WeeklyAvailability weekly = weekly(BERLIN, WeeklyWindow.of(MONDAY, "09:00", "12:00"),
                    WeeklyWindow.of(FRIDAY, "14:00", "16:00"));

            assertThat(weekly.spans(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-13"))).containsExactly(
                    utc("2026-12-07T08:00:00Z", "2026-12-07T11:00:00Z"),
                    utc("2026-12-11T13:00:00Z", "2026-12-11T15:00:00Z"));
        }

        @Test
        void windowsThatTouchFormOneSpan() {
            WeeklyAvailability weekly = weekly(BERLIN, WeeklyWindow.of(MONDAY, "12:00", "17:00"),
                    WeeklyWindow.of(MONDAY, "09:00", "12:00"), WeeklyWindow.of(MONDAY, "18:00", "19:00"));

            assertThat(on(weekly, "2026-12-07")).containsExactly(
                    utc("2026-12-07T08:00:00Z", "2026-12-07T16:00:00Z"),
                    utc("2026-12-07T17:00:00Z", "2026-12-07T18:00:00Z"));
        }
    }

    @Nested
    class Midnight {

        final WeeklyAvailability lateShift = weekly(BERLIN, WeeklyWindow.of(FRIDAY, "22:00", "24:00"),
                WeeklyWindow.of(SATURDAY, "00:00", "02:00"));

        @Test
        void aWindowMayRunToTheEndOfTheDay() {
            assertThat(on(weekly(BERLIN, WeeklyWindow.of(FRIDAY, "22:00", "24:00")), "2026-12-11"))
                    .containsExactly(utc("2026-12-11T21:00:00Z", "2026-12-11T23:00:00Z"));
        }

        @Test
        void windowsTouchingAtMidnightFormOneSpanAcrossTheDays() {
            assertThat(lateShift.spans(LocalDate.parse("2026-12-11"), LocalDate.parse("2026-12-12")))
                    .containsExactly(utc("2026-12-11T21:00:00Z", "2026-12-12T01:00:00Z"));
        }

        @Test
        void aBookingAcrossMidnightIsInsideWhenBothWindowsHoldIt() {
            assertThat(lateShift.covers(utc("2026-12-11T22:00:00Z", "2026-12-12T00:30:00Z"))).isTrue();
            assertThat(lateShift.covers(utc("2026-12-11T22:00:00Z", "2026-12-12T01:30:00Z"))).isFalse();
        }

        @Test
        void aMidnightStartingWindowBelongsToItsOwnDate() {
            WeeklyAvailability weekly = weekly(KOLKATA, WeeklyWindow.of(SUNDAY, "00:00", "01:00"));

            assertThat(on(weekly, "2026-12-13")).containsExactly(utc("2026-12-12T18:30:00Z", "2026-12-12T19:30:00Z"));
            assertThat(on(weekly, "2026-12-12")).isEmpty();
        }
    }

    @Nested
    class DaylightSavingInBerlin {

        // 2026-03-29 (Sunday): 02:00 CET -> 03:00 CEST; 2026-10-25 (Sunday): 03:00 CEST -> 02:00 CET

        @Test
        void aWindowAcrossTheSpringGapIsAnHourShorter() {
            WeeklyAvailability weekly = weekly(BERLIN, WeeklyWindow.of(SUNDAY, "01:00", "04:00"));

            assertThat(on(weekly, "2026-03-29")).containsExactly(utc("2026-03-29T00:00:00Z", "2026-03-29T02:00:00Z"));
        }

        @Test
        void aWindowInsideTheSpringGapDoesNotExistThatDay() {
            WeeklyAvailability weekly = weekly(BERLIN, WeeklyWindow.of(SUNDAY, "02:00", "03:00"));

            assertThat(on(weekly, "2026-03-29")).isEmpty();
            assertThat(on(weekly, "2026-04-05")).containsExactly(utc("2026-04-05T00:00:00Z", "2026-04-05T01:00:00Z"));
        }

        @Test
        void aWindowStartingInTheSpringGapStartsWhenTheClockJumps() {
            WeeklyAvailability weekly = weekly(BERLIN, WeeklyWindow.of(SUNDAY, "02:30", "04:00"));

            assertThat(on(weekly, "2026-03-29")).containsExactly(utc("2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z"));
        }

        @Test
        void aWindowAcrossTheAutumnOverlapIsAnHourLonger() {
            WeeklyAvailability weekly = weekly(BERLIN, WeeklyWindow.of(SUNDAY, "01:00", "04:00"));

            assertThat(on(weekly, "2026-10-25")).containsExactly(utc("2026-10-24T23:00:00Z", "2026-10-25T03:00:00Z"));
        }

        @Test
        void anAmbiguousWindowEdgeIsItsFirstOccurrence() {
            WeeklyAvailability starts = weekly(BERLIN, WeeklyWindow.of(SUNDAY, "02:30", "04:00"));
            WeeklyAvailability ends = weekly(BERLIN, WeeklyWindow.of(SUNDAY, "01:00", "02:30"));

            assertThat(on(starts, "2026-10-25")).containsExactly(utc("2026-10-25T00:30:00Z", "2026-10-25T03:00:00Z"));
            assertThat(on(ends, "2026-10-25")).containsExactly(utc("2026-10-24T23:00:00Z", "2026-10-25T00:30:00Z"));
        }

        @Test
        void aWindowCutInTwoAtAnAmbiguousTimeLosesNothingAndCountsNothingTwice() {
            WeeklyAvailability whole = weekly(BERLIN, WeeklyWindow.of(SUNDAY, "01:00", "04:00"));
            WeeklyAvailability cut = weekly(BERLIN, WeeklyWindow.of(SUNDAY, "01:00", "02:30"),
                    WeeklyWindow.of(SUNDAY, "02:30", "04:00"));

            assertThat(on(cut, "2026-10-25")).isEqualTo(on(whole, "2026-10-25"));
        }

        @Test
        void theWeekAfterTheChangeHasTheWinterOffset() {
            WeeklyAvailability weekly = weekly(BERLIN, WeeklyWindow.of(MONDAY, "09:00", "17:00"));

            assertThat(weekly.spans(LocalDate.parse("2026-10-19"), LocalDate.parse("2026-10-26"))).containsExactly(
                    utc("2026-10-19T07:00:00Z", "2026-10-19T15:00:00Z"),
                    utc("2026-10-26T08:00:00Z", "2026-10-26T16:00:00Z"));
        }
    }

    @Nested
    class DaylightSavingInNewYork {

        // 2026-03-08 (Sunday): 02:00 EST -> 03:00 EDT; 2026-11-01 (Sunday): 02:00 EDT -> 01:00 EST

        final WeeklyAvailability night = weekly(NEW_YORK, WeeklyWindow.of(SUNDAY, "01:00", "04:00"));

        @Test
        void springForwardShortensTheNightWindow() {
            assertThat(on(night, "2026-03-08")).containsExactly(utc("2026-03-08T06:00:00Z", "2026-03-08T08:00:00Z"));
            assertThat(on(night, "2026-03-08").get(0).duration()).isEqualTo(Duration.ofHours(2));
        }

        @Test
        void fallBackLengthensTheNightWindow() {
            assertThat(on(night, "2026-11-01")).containsExactly(utc("2026-11-01T05:00:00Z", "2026-11-01T09:00:00Z"));
            assertThat(on(night, "2026-11-01").get(0).duration()).isEqualTo(Duration.ofHours(4));
        }

        @Test
        void aDaytimeWindowKeepsItsWallClockTimesAcrossTheChange() {
            WeeklyAvailability weekly = weekly(NEW_YORK, WeeklyWindow.of(SUNDAY, "09:00", "17:00"));

            assertThat(on(weekly, "2026-11-01")).containsExactly(utc("2026-11-01T14:00:00Z", "2026-11-01T22:00:00Z"));
            assertThat(on(weekly, "2026-10-25")).containsExactly(utc("2026-10-25T13:00:00Z", "2026-10-25T21:00:00Z"));
        }
    }

    @Nested
    class Covering {

        final WeeklyAvailability weekly = weekly(BERLIN, WeeklyWindow.of(MONDAY, "09:00", "12:00"),
                WeeklyWindow.of(MONDAY, "13:00", "17:00"));

        @Test
        void aBookingExactlyFillingAWindowIsInside() {
            assertThat(weekly.covers(utc("2026-12-07T08:00:00Z", "2026-12-07T11:00:00Z"))).isTrue();
        }

        @Test
        void aBookingOneMinuteOverTheEdgeIsOutside() {
            assertThat(weekly.covers(utc("2026-12-07T07:59:00Z", "2026-12-07T09:00:00Z"))).isFalse();
            assertThat(weekly.covers(utc("2026-12-07T10:00:00Z", "2026-12-07T11:01:00Z"))).isFalse();
        }

        @Test
        void aBookingAcrossTheGapBetweenTwoWindowsIsOutside() {
            assertThat(weekly.covers(utc("2026-12-07T10:30:00Z", "2026-12-07T12:30:00Z"))).isFalse();
        }

        @Test
        void theSameWallTimeOnADayWithoutWindowsIsOutside() {
            assertThat(weekly.covers(utc("2026-12-08T08:00:00Z", "2026-12-08T09:00:00Z"))).isFalse();
        }

        @Test
        void noWindowsCoverNothing() {
            assertThat(WeeklyAvailability.none().covers(utc("2026-12-08T08:00:00Z", "2026-12-08T09:00:00Z")))
                    .isFalse();
        }
    }

    @Nested
    class Validation {

        @Test
        void aWindowMustStartBeforeItEnds() {
            assertThatThrownBy(() -> weekly(BERLIN, WeeklyWindow.of(MONDAY, "09:00", "17:00"),
                    WeeklyWindow.of(FRIDAY, "17:00", "09:00"), WeeklyWindow.of(FRIDAY, "10:00", "10:00")))
                    .isInstanceOfSatisfying(InvalidAvailabilityException.class, e -> assertThat(e.problems())
                            .extracting(InvalidAvailabilityException.Problem::index).containsExactly(1, 2));
        }

        @Test
        void twoWindowsOfADayMustNotOverlap() {
            assertThatThrownBy(() -> weekly(BERLIN, WeeklyWindow.of(MONDAY, "09:00", "12:00"),
                    WeeklyWindow.of(MONDAY, "11:00", "13:00")))
                    .isInstanceOfSatisfying(InvalidAvailabilityException.class, e -> assertThat(e.problems())
                            .extracting(InvalidAvailabilityException.Problem::index).containsExactly(0, 1));
        }

        @Test
        void touchingWindowsAndTheSameHoursOnOtherDaysAreFine() {
            WeeklyAvailability weekly = weekly(BERLIN, WeeklyWindow.of(MONDAY, "09:00", "12:00"),
                    WeeklyWindow.of(MONDAY, "12:00", "13:00"), WeeklyWindow.of(FRIDAY, "09:00", "12:00"));

            assertThat(weekly.windows()).hasSize(3);
        }

        @Test
        void windowsAreKeptInWeekOrder() {
            WeeklyAvailability weekly = weekly(BERLIN, WeeklyWindow.of(FRIDAY, "09:00", "12:00"),
                    WeeklyWindow.of(MONDAY, "13:00", "14:00"), WeeklyWindow.of(MONDAY, "09:00", "12:00"));

            assertThat(weekly.windows()).containsExactly(WeeklyWindow.of(MONDAY, "09:00", "12:00"),
                    WeeklyWindow.of(MONDAY, "13:00", "14:00"), WeeklyWindow.of(FRIDAY, "09:00", "12:00"));
        }
    }
}
