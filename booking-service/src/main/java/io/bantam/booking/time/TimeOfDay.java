package io.bantam.booking.time;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wall-clock time of day, {@code HH:MM}, from {@code 00:00} to {@code 24:00}. {@code 24:00} is the end of
 * the day (ISO 8601), so a window can run up to midnight: {@code 22:00–24:00}.
 */
public record TimeOfDay(int minuteOfDay) implements Comparable<TimeOfDay> {

    public static final int MINUTES_PER_DAY = 24 * 60;
    public static final TimeOfDay START_OF_DAY = new TimeOfDay(0);
    public static final TimeOfDay END_OF_DAY = new TimeOfDay(MINUTES_PER_DAY);

    /** The text form: {@code 00:00}..{@code 23:59}, or {@code 24:00}. */
    public static final String PATTERN = "(?:[01]\\d|2[0-3]):[0-5]\\d|24:00";
    private static final Pattern FORMAT = Pattern.compile("(\\d\\d):(\\d\\d)");

    public TimeOfDay {
        if (minuteOfDay < 0 || minuteOfDay > MINUTES_PER_DAY) {
            throw new IllegalArgumentException("a time of day is between 00:00 and 24:00");
        }
    }

    public static TimeOfDay of(int hour, int minute) {
        if (minute < 0 || minute > 59) {
            throw new IllegalArgumentException("minute must be 0..59");
        }
        return new TimeOfDay(hour * 60 + minute);
    }

    /** Reads {@code HH:MM}; refuses anything else with an {@link IllegalArgumentException}. */
    public static TimeOfDay parse(String text) {
        if (text == null || !text.matches(PATTERN)) {
            throw new IllegalArgumentException("a time of day is HH:MM, 00:00 to 24:00");
        }
        Matcher matcher = FORMAT.matcher(text);
        matcher.matches();
        return of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** This time on the given date; {@code 24:00} is the start of the next day. */
    public LocalDateTime on(LocalDate date) {
        return date.atStartOfDay().plusMinutes(minuteOfDay);
    }

    @Override
    public int compareTo(TimeOfDay other) {
        return Integer.compare(minuteOfDay, other.minuteOfDay);
    }

    @Override
    public String toString() {
        return String.format("%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    }
}
