package io.bantam.booking.rules;

import io.bantam.booking.booking.domain.Booking;
import io.bantam.booking.booking.BookedTime;
import io.bantam.booking.rules.domain.BookingRules;
import io.bantam.booking.rules.domain.ClientRules;
import io.bantam.booking.rules.domain.DateOverride;
import io.bantam.booking.rules.domain.RulesChange;
import io.bantam.booking.rules.domain.Schedule;
import io.bantam.booking.rules.domain.Stranded;
import io.bantam.booking.rules.domain.TimeOff;
import io.bantam.booking.rules.persistence.RulesStore;
import io.bantam.booking.time.TimeRange;
import io.bantam.service.problem.ApiException;
import io.bantam.service.relationship.RelationshipProjection;
import io.bantam.service.security.CurrentUser;
import io.bantam.service.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * The freelancer's booking rules, per-client rules, date overrides and time off, what a caller may read of
 * them, and the bookings they strand. Everything here is the freelancer's own: clients only read (through
 * {@link #view}) the rules that bind them and the overrides.
 */
@Service
public class RulesService {

    /** The latest date an override may have, from today: as far as the longest horizon reaches. */
    public static final int OVERRIDE_DAYS_AHEAD = BookingRules.Member.HORIZON.max;

    private final RulesStore store;
    private final RuleBook ruleBook;
    private final BookedTime bookings;
    private final RelationshipProjection relationships;
    private final Clock clock;

    RulesService(RulesStore store, RuleBook ruleBook, BookedTime bookings, RelationshipProjection relationships,
            Clock clock) {
        this.store = store;
        this.ruleBook = ruleBook;
        this.bookings = bookings;
        this.relationships = relationships;
        this.clock = clock;
    }

    /** What a caller who may see the freelancer's availability reads of its rules (visibility checked before). */
    public record View(BookingRules rules, List<DateOverride> overrides, List<TimeOff> timeOff) {
    }

    /** A future booking the freelancer's availability no longer allows, and why. */
    public record StrandedBooking(Booking booking, List<Stranded> reasons) {
    }

    /**
     * The freelancer sees its defaults, its overrides from today on and its time off that has not ended; a client
     * the rules that bind it and the overrides (time off stays hidden: it shows only as missing slots).
     */
    public Mono<View> view(CurrentUser caller, UUID freelancerId) {
        Instant now = now();
        boolean self = caller.is(Role.FREELANCER) && caller.id().equals(freelancerId);
        Mono<BookingRules> rules = self ? store.rules(freelancerId) : ruleBook.rulesFor(freelancerId, caller.id());
        Mono<List<DateOverride>> overrides = today(freelancerId)
                .flatMap(today -> store.overrides(freelancerId, today, null));
        Mono<List<TimeOff>> timeOff = self ? store.timeOff(freelancerId, new TimeRange(now, TimeRangeLimits.END))
                : Mono.just(List.of());
        return Mono.zip(rules, overrides, timeOff)
                .map(found -> new View(found.getT1(), found.getT2(), self ? found.getT3() : null));
    }

    @Transactional
    public Mono<BookingRules> changeRules(CurrentUser freelancer, RulesChange change) {
        freelancer.require(Role.FREELANCER);
        return store.lockFreelancer(freelancer.id())
                .then(store.rules(freelancer.id()))
                .map(change::applyTo)
                .flatMap(rules -> store.saveRules(freelancer.id(), rules, now()));
    }

    public Mono<ClientRules> clientRules(CurrentUser freelancer, UUID clientId) {
        freelancer.require(Role.FREELANCER);
        return requireClient(freelancer.id(), clientId).then(store.clientRules(freelancer.id(), clientId));
    }

    @Transactional
    public Mono<ClientRules> changeClientRules(CurrentUser freelancer, UUID clientId, RulesChange change) {
        freelancer.require(Role.FREELANCER);
        return requireClient(freelancer.id(), clientId)
                .then(store.lockFreelancer(freelancer.id()))
                .then(store.clientRules(freelancer.id(), clientId))
                .map(change::applyTo)
                .flatMap(rules -> store.saveClientRules(freelancer.id(), rules, now()));
    }

    /** Sets a date's own windows; 400 for a date before today (the freelancer's zone) or too far ahead. */
    @Transactional
    public Mono<DateOverride> putOverride(CurrentUser freelancer, DateOverride override) {
        freelancer.require(Role.FREELANCER);
        return today(freelancer.id())
                .flatMap(today -> {
                    requireDate(override.date(), today);
                    return store.putOverride(freelancer.id(), override, now());
                });
    }

    /** The date follows the week again (whether or not it had an override). */
    @Transactional
    public Mono<Void> deleteOverride(CurrentUser freelancer, LocalDate date) {
        freelancer.require(Role.FREELANCER);
        return today(freelancer.id())
                .flatMap(today -> {
                    requireDate(date, today);
                    return store.deleteOverride(freelancer.id(), date);
                })
                .then();
    }

    @Transactional
    public Mono<TimeOff> addTimeOff(CurrentUser freelancer, TimeRange time, String note) {
        freelancer.require(Role.FREELANCER);
        return Mono.fromCallable(() -> new TimeOff(UUID.randomUUID(), time, note))
                .flatMap(timeOff -> store.insertTimeOff(freelancer.id(), timeOff, now()));
    }

    /** 404 for time off that is not the caller's, exactly as for time off that does not exist. */
    @Transactional
    public Mono<Void> deleteTimeOff(CurrentUser freelancer, UUID id) {
        freelancer.require(Role.FREELANCER);
        return store.deleteTimeOff(freelancer.id(), id)
                .flatMap(deleted -> deleted ? Mono.<Void>empty()
                        : Mono.error(ApiException.notFound("There is no such time off among yours.")));
    }

    /**
     * The freelancer's future live bookings made by a client that its availability no longer allows, and any
     * future booking inside its time off, each with its reasons, ascending by start.
     */
    public Mono<List<StrandedBooking>> stranded(UUID freelancerId) {
        Instant now = now();
        return bookings.liveOfFreelancerStartingAfter(freelancerId, now)
                .collectList()
                .flatMap(future -> {
                    if (future.isEmpty()) {
                        return Mono.just(List.<StrandedBooking>of());
                    }
                    return ruleBook.weekly(freelancerId).flatMap(weekly -> {
                        LocalDate from = LocalDate.ofInstant(now, weekly.zone()).minusDays(1);
                        Instant last = future.stream().map(b -> b.time().end()).max(Instant::compareTo).orElseThrow();
                        LocalDate to = LocalDate.ofInstant(last, weekly.zone()).plusDays(1);
                        return ruleBook.schedule(freelancerId, from, to, new TimeRange(now, last))
                                .map(schedule -> strandedIn(schedule, future));
                    });
                });
    }

    public Mono<Integer> strandedCount(UUID freelancerId) {
        return stranded(freelancerId).map(List::size);
    }

    private static List<StrandedBooking> strandedIn(Schedule schedule, List<Booking> future) {
        List<StrandedBooking> stranded = new ArrayList<>();
        for (Booking booking : future) {
            boolean madeByClient = booking.createdBy().equals(booking.clientId());
            List<Stranded> reasons = Stranded.reasons(schedule, booking.time(), madeByClient);
            if (!reasons.isEmpty()) {
                stranded.add(new StrandedBooking(booking, reasons));
            }
        }
        return stranded;
    }

    private Mono<Void> requireClient(UUID freelancerId, UUID clientId) {
        if (freelancerId.equals(clientId)) {
            return Mono.error(() -> ApiException.unprocessable("relationship.required",
                    "There is no active relationship between this freelancer and this client."));
        }
        return relationships.requireActive(freelancerId, clientId);
    }

    /** Today in the freelancer's zone. */
    private Mono<LocalDate> today(UUID freelancerId) {
        return ruleBook.weekly(freelancerId).map(weekly -> LocalDate.ofInstant(clock.instant(), weekly.zone()));
    }

    private static void requireDate(LocalDate date, LocalDate today) {
        if (date.isBefore(today)) {
            throw ApiException.invalidField("date", "must be today or later in your time zone (today is " + today
                    + ")");
        }
        if (date.isAfter(today.plusDays(OVERRIDE_DAYS_AHEAD))) {
            throw ApiException.invalidField("date", "must be at most " + OVERRIDE_DAYS_AHEAD + " days ahead");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Bounds of open-ended reads. */
    static final class TimeRangeLimits {
        static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

        private TimeRangeLimits() {
        }
    }
}
