package io.bantam.booking.rules.domain;

import io.bantam.booking.availability.domain.WeeklyAvailability;
import io.bantam.booking.availability.domain.WeeklyWindow;
import io.bantam.booking.time.TimeOfDay;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A date whose availability is its own windows instead of the week's (no windows: closed that day). The windows
 * follow the weekly rules: {@code start < end}, no two overlapping, wall-clock time in the freelancer's zone.
 */
public record DateOverride(LocalDate date, List<Window> windows) {

    /** The most windows one date may have. */
    public static final int MAX_WINDOWS = 20;

    public record Window(TimeOfDay start, TimeOfDay end) implements Comparable<Window> {

        public Window {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

        @Override
        public int compareTo(Window other) {
            int byStart = start.compareTo(other.start);
            return byStart != 0 ? byStart : end.compareTo(other.end);
        }
    }

    public DateOverride {
        Objects.requireNonNull(date, "date");
        windows = windows.stream().sorted().toList();
    }

    /**
     * The override, if its windows can be published (checked by the weekly rules, so the two cannot differ);
     * otherwise {@link io.bantam.booking.availability.domain.InvalidAvailabilityException} naming each window by
     * its position.
     */
    public static DateOverride of(LocalDate date, List<Window> windows) {
        if (windows.size() > MAX_WINDOWS) {
            throw new IllegalArgumentException("at most " + MAX_WINDOWS + " windows");
        }
        WeeklyAvailability.of(java.time.ZoneOffset.UTC, asWeekly(date, windows));
        return new DateOverride(date, windows);
    }

    /** The windows as windows of the date's day of the week. */
    public List<WeeklyWindow> asWeekly() {
        return asWeekly(date, windows);
    }

    private static List<WeeklyWindow> asWeekly(LocalDate date, List<Window> windows) {
        return windows.stream().map(w -> new WeeklyWindow(date.getDayOfWeek(), w.start(), w.end())).toList();
    }
}
