package io.bantam.task.task.domain;

import java.time.LocalDate;

/**
 * Due dates are calendar dates ({@code YYYY-MM-DD}), never instants: a task due 2027-01-10 is due on that day
 * in the freelancer's calendar whatever the zone of the server or the database. They are kept within the
 * four-digit years, which every client and PostgreSQL's {@code date} can hold.
 */
public final class DueDates {

    public static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    public static final String RANGE_MESSAGE = "must be a date between 0001-01-01 and 9999-12-31";

    private DueDates() {
    }

    /** Whether a date may be stored (null, no date, may). */
    public static boolean isValid(LocalDate date) {
        return date == null || (!date.isBefore(EARLIEST) && !date.isAfter(LATEST));
    }
}
