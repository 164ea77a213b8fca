package io.bantam.booking.booking.domain;

import io.bantam.booking.availability.domain.WeeklyAvailability;
import io.bantam.booking.time.TimeRange;
import java.time.Instant;

/**
 * Where a client may book: inside one span of the freelancer's availability, in the freelancer's time zone on
 * that date, daylight-saving changes included, and not in the past (availability is only ever offered ahead, as
 * the free slots are). A freelancer may book its own time anywhere, so this rule is the client's alone.
 */
public final class ClientBookingRule {

    private ClientBookingRule() {
    }

    public static boolean allows(WeeklyAvailability availability, TimeRange time, Instant now) {
        return time.start().isAfter(now) && availability.covers(time);
    }
}
