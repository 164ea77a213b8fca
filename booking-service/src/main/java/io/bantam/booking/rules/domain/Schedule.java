package io.bantam.booking.rules.domain;

import io.bantam.booking.availability.domain.WeeklyAvailability;
import io.bantam.booking.availability.domain.WeeklyWindow;
import io.bantam.booking.time.TimeRange;
import io.bantam.booking.time.WallClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A freelancer's availability of each date: the date's override when it has one, else the weekly windows of its
 * day, wall-clock time in the freelancer's zone resolved by {@link WallClock}'s rule (daylight-saving changes
 * included); and its time off, which removes time from it.
 */
public record Schedule(WeeklyAvailability weekly, Map<LocalDate, DateOverride> overrides, List<TimeRange> timeOff) {

    public Schedule {
        overrides = new TreeMap<>(overrides);
        timeOff = TimeRange.union(timeOff);
    }

    public static Schedule of(WeeklyAvailability weekly, Collection<DateOverride> overrides, List<TimeRange> timeOff) {
        Map<LocalDate, DateOverride> byDate = new TreeMap<>();
        overrides.forEach(o -> byDate.put(o.date(), o));
        return new Schedule(weekly, byDate, timeOff);
    }

    public ZoneId zone() {
        return weekly.zone();
    }

    /** The windows of {@code date}: its override's, else the week's for its day. */
    public List<WeeklyWindow> windowsOn(LocalDate date) {
        DateOverride override = overrides.get(date);
        if (override != null) {
            return override.asWeekly();
        }
        return weekly.windows().stream().filter(w -> w.day() == date.getDayOfWeek()).toList();
    }

    /**
     * The availability of the dates {@code from}..{@code to} (inclusive, in the zone) as instants, before time off:
     * sorted, empty windows left out, touching ones joined (across midnight too). Slots lie on the grid of these
     * spans.
     */
    public List<TimeRange> spans(LocalDate from, LocalDate to) {
        List<TimeRange> ranges = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (WeeklyWindow window : windowsOn(date)) {
                Instant start = WallClock.firstInstantShowing(window.start().on(date), zone());
                Instant end = WallClock.firstInstantShowing(window.end().on(date), zone());
                if (start.isBefore(end)) {
                    ranges.add(new TimeRange(start, end));
                }
            }
        }
        return TimeRange.union(ranges);
    }

    /** The spans of every date {@code range} can touch (a date's windows lie between its own midnights). */
    public List<TimeRange> spansAround(TimeRange range) {
        return spans(LocalDate.ofInstant(range.start(), zone()).minusDays(1),
                LocalDate.ofInstant(range.end(), zone()).plusDays(1));
    }

    /** Whether the whole of {@code range} lies inside one span of the dates' availability (time off aside). */
    public boolean covers(TimeRange range) {
        return Ranges.containedInOne(spansAround(range), range);
    }

    /** Whether {@code range} overlaps any time off. */
    public boolean inTimeOff(TimeRange range) {
        return Ranges.overlapsAny(timeOff, range);
    }
}
