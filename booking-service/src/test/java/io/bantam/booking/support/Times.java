package io.bantam.booking.support;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** Dates the tests book on: always ahead of the clock, whenever the tests run. */
public final class Times {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private Times() {
    }

    /** A Monday at least a week ahead, in Berlin. */
    public static LocalDate mondayAhead() {
        return LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
    }

    /** That date and wall-clock time in Berlin, as an instant. */
    public static Instant berlin(LocalDate date, String time) {
        return date.atTime(LocalTime.parse(time)).atZone(BERLIN).toInstant();
    }
}
