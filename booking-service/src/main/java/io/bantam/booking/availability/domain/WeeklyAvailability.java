package io.bantam.booking.availability.domain;

import io.bantam.booking.availability.domain.InvalidAvailabilityException.Problem;
import io.bantam.booking.time.TimeRange;
import io.bantam.booking.time.WallClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A freelancer's weekly availability: windows of wall-clock time in its own time zone, the same every week.
 *
 * <p>A window on a given date covers {@code [start, end)} on that date's wall clock, resolved to instants with
 * {@link WallClock}'s rule, so "MONDAY 09:00–17:00 Europe/Berlin" is 07:00Z–15:00Z in summer and 08:00Z–16:00Z in
 * winter, a window inside the hour that does not exist on a spring-forward night is empty, and one that spans
 * the repeated hour of a fall-back night is an hour longer. Windows that touch, on the same day
 * (09:00–12:00, 12:00–17:00) or across midnight (22:00–24:00, then 00:00–02:00 the next day), form one
 * continuous span.
 */
public record WeeklyAvailability(ZoneId zone, List<WeeklyWindow> windows) {

    /** The most windows a week may have (e.g. 7 days x 20 windows): a bound on what one PUT may store. */
    public static final int MAX_WINDOWS = 140;

    public WeeklyAvailability {
        Objects.requireNonNull(zone, "zone");
        windows = windows.stream().sorted(WeeklyWindow.ORDER).toList();
    }

    /**
     * The availability, if the windows can be published: each must start before it ends, and no two windows
     * of a day may overlap (touching is fine). Otherwise an {@link InvalidAvailabilityException} naming every
     * window that is wrong by its position in {@code windows}.
     */
    public static WeeklyAvailability of(ZoneId zone, List<WeeklyWindow> windows) {
        List<Problem> problems = new ArrayList<>();
        if (windows.size() > MAX_WINDOWS) {
            throw new InvalidAvailabilityException(List.of(new Problem(-1, "at most " + MAX_WINDOWS + " windows")));
        }
        for (int i = 0; i < windows.size(); i++) {
            WeeklyWindow window = windows.get(i);
            if (window.isEmpty()) {
                problems.add(new Problem(i, "start must be before end"));
                continue;
            }
            for (int j = 0; j < windows.size(); j++) {
                if (j != i && !windows.get(j).isEmpty() && window.overlaps(windows.get(j))) {
                    problems.add(new Problem(i, "overlaps another window on " + window.day() + " (" + windows.get(j)
                            + ")"));
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAvailabilityException(problems);
        }
        return new WeeklyAvailability(zone, windows);
    }

    /** No windows: nobody can book the freelancer inside its availability. */
    public static WeeklyAvailability none(ZoneId zone) {
        return new WeeklyAvailability(zone, List.of());
    }

    /** The default for a freelancer that has published nothing yet: no windows, in the IANA zone "UTC". */
    public static WeeklyAvailability none() {
        return none(ZoneId.of("UTC"));
    }

    /**
     * The windows of the dates {@code from}..{@code to} (inclusive, in this zone) as instants: sorted, empty ones
     * left out, touching ones joined.
     */
    public List<TimeRange> spans(LocalDate from, LocalDate to) {
        List<TimeRange> ranges = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (WeeklyWindow window : windows) {
                if (window.day() == date.getDayOfWeek()) {
                    Instant start = WallClock.firstInstantShowing(window.start().on(date), zone);
                    Instant end = WallClock.firstInstantShowing(window.end().on(date), zone);
                    if (start.isBefore(end)) {
                        ranges.add(new TimeRange(start, end));
                    }
                }
            }
        }
        return TimeRange.union(ranges);
    }

    /** Whether the whole of {@code range} lies inside one span of availability. */
    public boolean covers(TimeRange range) {
        // a span that holds the range is made of windows on the dates the range touches; a day either side is
        // enough for any zone (a date's windows lie between its own midnights)
        LocalDate from = LocalDate.ofInstant(range.start(), zone).minusDays(1);
        LocalDate to = LocalDate.ofInstant(range.end(), zone).plusDays(1);
        for (TimeRange span : spans(from, to)) {
            if (span.contains(range)) {
                return true;
            }
        }
        return false;
    }
}
