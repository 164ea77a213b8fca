package io.bantam.booking.availability.domain;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.booking.time.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slots on the step grid of each window, minus the bookings, in the future, ascending. */
class FreeSlotsTest {

    static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    static final Duration HOUR = Duration.ofHours(1);

    static TimeRange utc(String start, String end) {
        return new TimeRange(Instant.parse("2026-12-07T" + start + ":00Z"), Instant.parse("2026-12-07T" + end + ":00Z"));
    }

    @Test
    void theGridStartsAtTheWindowStartAndEveryStartFitsTheWindow() {
        List<TimeRange> slots = FreeSlots.find(List.of(utc("09:10", "10:00")), List.of(), Duration.ofMinutes(15),
                Duration.ofMinutes(15), LONG_AGO);

        assertThat(slots).containsExactly(utc("09:10", "09:25"), utc("09:25", "09:40"), utc("09:40", "09:55"));
    }

    @Test
    void aStepShorterThanTheDurationGivesOverlappingChoices() {
        List<TimeRange> slots = FreeSlots.find(List.of(utc("09:00", "10:30")), List.of(), HOUR,
                Duration.ofMinutes(15), LONG_AGO);

        assertThat(slots).containsExactly(utc("09:00", "10:00"), utc("09:15", "10:15"), utc("09:30", "10:30"));
    }

    @Test
    void bookingsAdjacentToASlotLeaveItFree() {
        List<TimeRange> slots = FreeSlots.find(List.of(utc("09:00", "13:00")),
                List.of(utc("10:00", "11:00"), utc("12:00", "13:00")), HOUR, HOUR, LONG_AGO);

        assertThat(slots).containsExactly(utc("09:00", "10:00"), utc("11:00", "12:00"));
    }

    @Test
    void aBookingBlocksEveryStartWhoseSlotWouldOverlapIt() {
        List<TimeRange> slots = FreeSlots.find(List.of(utc("09:00", "12:00")), List.of(utc("10:10", "10:20")), HOUR,
                Duration.ofMinutes(30), LONG_AGO);

        assertThat(slots).containsExactly(utc("09:00", "10:00"), utc("10:30", "11:30"), utc("11:00", "12:00"));
    }

    @Test
    void bothPartiesBookingsCountInAnyOrderAndOverlappingEachOther() {
        List<TimeRange> freelancer = List.of(utc("14:00", "15:00"), utc("09:00", "10:00"));
        List<TimeRange> client = List.of(utc("09:30", "11:00"), utc("14:30", "14:45"));
        List<TimeRange> busy = new java.util.ArrayList<>(freelancer);
        busy.addAll(client);

        List<TimeRange> slots = FreeSlots.find(List.of(utc("09:00", "16:00")), busy, HOUR, HOUR, LONG_AGO);

        assertThat(slots).containsExactly(utc("11:00", "12:00"), utc("12:00", "13:00"), utc("13:00", "14:00"),
                utc("15:00", "16:00"));
    }

    @Test
    void onlyStartsAfterNowAreOffered() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        List<TimeRange> slots = FreeSlots.find(List.of(utc("09:00", "13:00")), List.of(), HOUR,
                Duration.ofMinutes(30), now);

        assertThat(slots).containsExactly(utc("10:30", "11:30"), utc("11:00", "12:00"), utc("11:30", "12:30"),
                utc("12:00", "13:00"));
    }

    @Test
    void slotsOfSeveralWindowsComeInOrder() {
        List<TimeRange> slots = FreeSlots.find(List.of(utc("09:00", "10:00"), utc("13:00", "14:30")), List.of(), HOUR,
                Duration.ofMinutes(30), LONG_AGO);

        assertThat(slots).containsExactly(utc("09:00", "10:00"), utc("13:00", "14:00"), utc("13:30", "14:30"));
    }

    @Test
    void aKolkataWindowHasItsGridOnTheHalfHourOfUtc() {
        WeeklyAvailability weekly = WeeklyAvailability.of(ZoneId.of("Asia/Kolkata"),
                List.of(WeeklyWindow.of(MONDAY, "09:00", "11:00")));

        List<TimeRange> slots = FreeSlots.find(weekly.spans(LocalDate.parse("2026-12-07"),
                LocalDate.parse("2026-12-07")), List.of(), HOUR, HOUR, LONG_AGO);

        assertThat(slots).containsExactly(utc("03:30", "04:30"), utc("04:30", "05:30"));
    }

    @Test
    void theRepeatedHourOfAFallBackNightGivesOneMoreSlot() {
        WeeklyAvailability weekly = WeeklyAvailability.of(ZoneId.of("Europe/Berlin"),
                List.of(WeeklyWindow.of(SUNDAY, "01:00", "04:00")));

        List<TimeRange> autumn = FreeSlots.find(weekly.spans(LocalDate.parse("2026-10-25"),
                LocalDate.parse("2026-10-25")), List.of(), HOUR, HOUR, LONG_AGO);
        List<TimeRange> spring = FreeSlots.find(weekly.spans(LocalDate.parse("2026-03-29"),
                LocalDate.parse("2026-03-29")), List.of(), HOUR, HOUR, LONG_AGO);

        assertThat(autumn).extracting(TimeRange::start).containsExactly(Instant.parse("2026-10-24T23:00:00Z"),
                Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T01:00:00Z"),
                Instant.parse("2026-10-25T02:00:00Z"));
        assertThat(spring).extracting(TimeRange::start).containsExactly(Instant.parse("2026-03-29T00:00:00Z"),
                Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void noWindowsNoSlots() {
        assertThat(FreeSlots.find(List.of(), List.of(utc("09:00", "10:00")), HOUR, HOUR, LONG_AGO)).isEmpty();
    }
}
