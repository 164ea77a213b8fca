package io.bantam.booking.rules.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * How clients may book a freelancer (CONTRACT.md "Booking rules"): buffers around each booking, the minimum
 * notice, how far ahead (horizon), at most so many bookings a week (null: no maximum), and how late a client may
 * still move or cancel (cut-off). The freelancer's defaults, or those with a client's own rules applied.
 */
public record BookingRules(int bufferBeforeMinutes, int bufferAfterMinutes, int minimumNoticeMinutes,
        int horizonDays, Integer maxBookingsPerWeek, int changeCutoffMinutes) {

    public static final BookingRules DEFAULTS = new BookingRules(0, 0, 0, 365, null, 0);

    public static final int MAX_BUFFER_MINUTES = 240;
    public static final int MAX_NOTICE_MINUTES = 43_200;
    public static final int MAX_HORIZON_DAYS = 730;
    public static final int MAX_BOOKINGS_PER_WEEK = 100;
    public static final int MAX_CUTOFF_MINUTES = 10_080;

    /** The range of each member, by its name in the contract. */
    public enum Member {
        BUFFER_BEFORE("bufferBeforeMinutes", 0, MAX_BUFFER_MINUTES),
        BUFFER_AFTER("bufferAfterMinutes", 0, MAX_BUFFER_MINUTES),
        MINIMUM_NOTICE("minimumNoticeMinutes", 0, MAX_NOTICE_MINUTES),
        HORIZON("horizonDays", 1, MAX_HORIZON_DAYS),
        MAX_PER_WEEK("maxBookingsPerWeek", 1, MAX_BOOKINGS_PER_WEEK),
        CHANGE_CUTOFF("changeCutoffMinutes", 0, MAX_CUTOFF_MINUTES);

        public final String field;
        public final int min;
        public final int max;

        Member(String field, int min, int max) {
            this.field = field;
            this.min = min;
            this.max = max;
        }

        /** The member with that name in the contract, if there is one. */
        public static Optional<Member> named(String field) {
            return Arrays.stream(values()).filter(member -> member.field.equals(field)).findFirst();
        }

        public boolean allows(int value) {
            return value >= min && value <= max;
        }

        public String rangeMessage() {
            return "must be between " + min + " and " + max;
        }
    }

    public BookingRules {
        require(Member.BUFFER_BEFORE, bufferBeforeMinutes);
        require(Member.BUFFER_AFTER, bufferAfterMinutes);
        require(Member.MINIMUM_NOTICE, minimumNoticeMinutes);
        require(Member.HORIZON, horizonDays);
        if (maxBookingsPerWeek != null) {
            require(Member.MAX_PER_WEEK, maxBookingsPerWeek);
        }
        require(Member.CHANGE_CUTOFF, changeCutoffMinutes);
    }

    private static void require(Member member, int value) {
        if (!member.allows(value)) {
            throw new IllegalArgumentException(member.field + " " + member.rangeMessage());
        }
    }

    /** These defaults with a client's own rules applied: each member the client has overrides the default. */
    public BookingRules forClient(ClientRules client) {
        return new BookingRules(
                or(client.bufferBeforeMinutes(), bufferBeforeMinutes),
                or(client.bufferAfterMinutes(), bufferAfterMinutes),
                or(client.minimumNoticeMinutes(), minimumNoticeMinutes),
                or(client.horizonDays(), horizonDays),
                client.maxBookingsPerWeek() != null ? client.maxBookingsPerWeek() : maxBookingsPerWeek,
                or(client.changeCutoffMinutes(), changeCutoffMinutes));
    }

    private static int or(Integer own, int fallback) {
        return own != null ? own : fallback;
    }
}
