package io.bantam.booking.rules.domain;

import io.bantam.booking.time.TimeRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Why the freelancer's availability no longer allows a future booking: a booking a client made that is no
 * longer inside the availability of its dates, and any booking that overlaps time off. Nothing is moved or
 * cancelled by itself; the freelancer decides.
 */
public enum Stranded {
    OUTSIDE_AVAILABILITY, TIME_OFF;

    /** The reasons, in this order; empty when the booking is still allowed. */
    public static List<Stranded> reasons(Schedule schedule, TimeRange time, boolean madeByClient) {
        List<Stranded> reasons = new ArrayList<>(2);
        if (madeByClient && !schedule.covers(time)) {
            reasons.add(OUTSIDE_AVAILABILITY);
        }
        if (schedule.inTimeOff(time)) {
            reasons.add(TIME_OFF);
        }
        return reasons;
    }
}
