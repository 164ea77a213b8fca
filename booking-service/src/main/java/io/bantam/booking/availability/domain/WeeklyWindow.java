package io.bantam.booking.availability.domain;

import io.bantam.booking.time.TimeOfDay;
import java.time.DayOfWeek;
import java.util.Comparator;
import java.util.Objects;

/** A weekly window of availability: every {@code day} from {@code start} to {@code end}, wall-clock time. */
public record WeeklyWindow(DayOfWeek day, TimeOfDay start, TimeOfDay end) {

    static final Comparator<WeeklyWindow> ORDER = Comparator.comparing(WeeklyWindow::day)
            .thenComparing(WeeklyWindow::start)
            .thenComparing(WeeklyWindow::end);

    public WeeklyWindow {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public static WeeklyWindow of(DayOfWeek day, String start, String end) {
        return new WeeklyWindow(day, TimeOfDay.parse(start), TimeOfDay.parse(end));
    }

    boolean isEmpty() {
        return start.compareTo(end) >= 0;
    }

    /** Whether the two share a moment of the week; windows that only touch (09:00–12:00, 12:00–17:00) do not. */
    boolean overlaps(WeeklyWindow other) {
        return day == other.day && start.compareTo(other.end) < 0 && other.start.compareTo(end) < 0;
    }

    @Override
    public String toString() {
        return day + " " + start + "–" + end;
    }
}
