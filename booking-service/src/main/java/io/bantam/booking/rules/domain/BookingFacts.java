package io.bantam.booking.rules.domain;

import io.bantam.booking.time.TimeRange;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the policies decide on, loaded once and indexed so that each check is a binary search: the moment, the
 * rules in force for the client, the availability spans and time off, the freelancer's bookings (plain and
 * widened by their buffers) and the client's, and how many live bookings the pair has in each week. A booking
 * being moved is left out of all of it: it is never in its own way.
 */
public record BookingFacts(
        Instant now,
        ZoneId zone,
        BookingRules rules,
        List<TimeRange> availability,
        List<TimeRange> timeOff,
        List<TimeRange> freelancerBusy,
        List<TimeRange> freelancerBuffered,
        List<TimeRange> clientBusy,
        Map<LocalDate, Integer> bookingsByWeek) {

    /**
     * @param schedule the freelancer's availability, overrides and time off
     * @param availability the schedule's spans over (at least) every date the times to check can touch
     * @param freelancer the freelancer's live bookings near the times to check (the moved one left out)
     * @param client the client's live bookings with anyone near the times to check (the moved one left out), or
     *        empty when no client is concerned
     * @param pairStarts the starts of the pair's live bookings in (at least) the weeks concerned (the moved one
     *        left out)
     */
    public static BookingFacts of(Instant now, Schedule schedule, BookingRules rules, List<TimeRange> availability,
            List<HeldTime> freelancer, List<TimeRange> client, List<Instant> pairStarts) {
        Map<LocalDate, Integer> byWeek = new HashMap<>();
        for (Instant start : pairStarts) {
            byWeek.merge(weekOf(start, schedule.zone()), 1, Integer::sum);
        }
        return new BookingFacts(now, schedule.zone(), rules, TimeRange.union(availability), schedule.timeOff(),
                TimeRange.union(freelancer.stream().map(HeldTime::time).toList()),
                TimeRange.union(freelancer.stream().map(HeldTime::widened).toList()),
                TimeRange.union(client), byWeek);
    }

    /** The Monday of the ISO week (Monday to Sunday in {@code zone}) that {@code instant} falls in. */
    public static LocalDate weekOf(Instant instant, ZoneId zone) {
        return LocalDate.ofInstant(instant, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    int bookingsInWeekOf(Instant start) {
        return bookingsByWeek.getOrDefault(weekOf(start, zone), 0);
    }
}
