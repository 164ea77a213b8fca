package io.bantam.booking.rules.domain;

import io.bantam.booking.time.TimeRange;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The rules of booking, one named policy each, in one place. Creation, reschedule (the new time), the cut-off
 * for moving and cancelling, and the slot search all ask these lists, so what is offered and what is accepted
 * cannot drift apart. Each answers the refusal with its code, or nothing when it allows the time.
 *
 * <p>Under concurrency, the service holds the freelancer's booking lock (a transaction-scoped advisory lock)
 * from loading the facts until commit, so the buffers and the weekly maximum are decided by the lock, never by a
 * check that another request could overtake; plain overlaps stay the exclusion constraint's to decide.
 */
public enum BookingPolicy {

    /** The date's availability (its override, else the week), minus time off. */
    INSIDE_AVAILABILITY {
        @Override
        public Optional<Refusal> check(BookingFacts facts, TimeRange time) {
            if (Ranges.containedInOne(facts.availability(), time) && !Ranges.overlapsAny(facts.timeOff(), time)) {
                return Optional.empty();
            }
            return Optional.of(Refusal.unprocessable("booking.outside-availability",
                    "This time is not inside the freelancer's availability."));
        }
    },

    /** Nothing in the past (the freelancer's own view of its slots). */
    NOT_IN_THE_PAST {
        @Override
        public Optional<Refusal> check(BookingFacts facts, TimeRange time) {
            return time.start().isBefore(facts.now()) ? Optional.of(Refusal.unprocessable("booking.too-soon",
                    "This time has passed.")) : Optional.empty();
        }
    },

    /** {@code start >= now + minimumNoticeMinutes}. */
    MINIMUM_NOTICE {
        @Override
        public Optional<Refusal> check(BookingFacts facts, TimeRange time) {
            if (time.start().isBefore(facts.now().plus(Duration.ofMinutes(facts.rules().minimumNoticeMinutes())))) {
                return Optional.of(Refusal.unprocessable("booking.too-soon", "The freelancer needs "
                        + facts.rules().minimumNoticeMinutes() + " minutes' notice."));
            }
            return Optional.empty();
        }
    },

    /** {@code start < now + horizonDays} (days of 24 hours). */
    HORIZON {
        @Override
        public Optional<Refusal> check(BookingFacts facts, TimeRange time) {
            if (time.start().isBefore(facts.now().plus(Duration.ofDays(facts.rules().horizonDays())))) {
                return Optional.empty();
            }
            return Optional.of(Refusal.unprocessable("booking.too-far", "The freelancer takes bookings at most "
                    + facts.rules().horizonDays() + " days ahead."));
        }
    },

    /** At most {@code maxBookingsPerWeek} live bookings of the pair in the week of the start (freelancer's zone). */
    WEEKLY_MAXIMUM {
        @Override
        public Optional<Refusal> check(BookingFacts facts, TimeRange time) {
            Integer max = facts.rules().maxBookingsPerWeek();
            if (max == null || facts.bookingsInWeekOf(time.start()) < max) {
                return Optional.empty();
            }
            return Optional.of(Refusal.unprocessable("booking.limit-reached",
                    "This week already has the most bookings the freelancer takes from you (" + max + ")."));
        }
    },

    /** The time widened by the buffers in force overlaps no booking of the freelancer widened by its own. */
    BUFFERS {
        @Override
        public Optional<Refusal> check(BookingFacts facts, TimeRange time) {
            TimeRange widened = HeldTime.widen(time, facts.rules().bufferBeforeMinutes(),
                    facts.rules().bufferAfterMinutes());
            if (Ranges.overlapsAny(facts.freelancerBuffered(), widened)) {
                return Optional.of(Refusal.conflict("FREELANCER",
                        "The freelancer needs a break between this time and another booking."));
            }
            return Optional.empty();
        }
    },

    /** No booking of either party overlaps (the database decides under concurrency; this is the offer). */
    NO_OVERLAP {
        @Override
        public Optional<Refusal> check(BookingFacts facts, TimeRange time) {
            if (Ranges.overlapsAny(facts.freelancerBusy(), time)) {
                return Optional.of(Refusal.conflict("FREELANCER",
                        "The freelancer already has a booking that overlaps this time."));
            }
            if (Ranges.overlapsAny(facts.clientBusy(), time)) {
                return Optional.of(Refusal.conflict("CLIENT",
                        "The client already has a booking that overlaps this time."));
            }
            return Optional.empty();
        }
    },

    /** A client moves or cancels a booking only while its start is at least {@code changeCutoffMinutes} away. */
    CHANGE_CUTOFF {
        @Override
        public Optional<Refusal> check(BookingFacts facts, TimeRange current) {
            if (current.start().isBefore(facts.now().plus(Duration.ofMinutes(facts.rules().changeCutoffMinutes())))) {
                return Optional.of(Refusal.unprocessable("booking.change-too-late", "This booking starts in less than "
                        + facts.rules().changeCutoffMinutes() + " minutes: it can no longer be moved or cancelled."));
            }
            return Optional.empty();
        }
    };

    /** What a client may book (creation and the new time of a reschedule), in the contract's order. */
    public static final List<BookingPolicy> CLIENT_BOOKING = List.of(INSIDE_AVAILABILITY, MINIMUM_NOTICE, HORIZON,
            WEEKLY_MAXIMUM, BUFFERS, NO_OVERLAP);

    /** What a client may still move or cancel (the booking's current time). */
    public static final List<BookingPolicy> CLIENT_CHANGE = List.of(CHANGE_CUTOFF);

    /** The freelancer's own view of its slots: availability, overrides, time off and its own bookings. */
    public static final List<BookingPolicy> FREELANCER_OFFER = List.of(INSIDE_AVAILABILITY, NOT_IN_THE_PAST,
            NO_OVERLAP);

    public abstract Optional<Refusal> check(BookingFacts facts, TimeRange time);

    /** The first refusal of the list, in its order, or empty when every policy allows the time. */
    public static Optional<Refusal> firstRefusal(List<BookingPolicy> policies, BookingFacts facts, TimeRange time) {
        for (BookingPolicy policy : policies) {
            Optional<Refusal> refusal = policy.check(facts, time);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }
}
