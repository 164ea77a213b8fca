package io.bantam.task.preparation.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** What a preparation task for a booking looks like: its title and the day it is due. */
public final class Preparation {

    static final String PREFIX = "Prepare: ";
    /** A task's longest title, in code points (as for every task). */
    static final int TITLE_MAX = 200;

    private Preparation() {
    }

    /**
     * {@code Prepare: <title>}, cut to {@value #TITLE_MAX} code points (a booking title may have 200 itself), never
     * in the middle of a surrogate pair.
     */
    public static String title(String bookingTitle) {
        String title = PREFIX + bookingTitle;
        if (title.codePointCount(0, title.length()) <= TITLE_MAX) {
            return title;
        }
        return title.substring(0, title.offsetByCodePoints(0, TITLE_MAX));
    }

    /**
     * {@code daysBefore} days before the date the booking starts on in the freelancer's zone. Without a zone (an
     * event from before the field existed) or with one this JVM does not know, the date is taken in UTC.
     */
    public static LocalDate dueDate(Instant start, String freelancerTimeZone, int daysBefore) {
        return start.atZone(zone(freelancerTimeZone)).toLocalDate().minusDays(daysBefore);
    }

    static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
