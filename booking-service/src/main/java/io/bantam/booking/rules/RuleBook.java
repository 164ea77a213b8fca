package io.bantam.booking.rules;

import io.bantam.booking.availability.domain.WeeklyAvailability;
import io.bantam.booking.availability.AvailabilityReader;
import io.bantam.booking.booking.BookedTime;
import io.bantam.booking.rules.domain.BookingFacts;
import io.bantam.booking.rules.domain.BookingPolicy;
import io.bantam.booking.rules.domain.BookingRules;
import io.bantam.booking.rules.domain.HeldTime;
import io.bantam.booking.rules.domain.Refusal;
import io.bantam.booking.rules.domain.Schedule;
import io.bantam.booking.rules.domain.TimeOff;
import io.bantam.booking.rules.persistence.RulesStore;
import io.bantam.booking.time.TimeRange;
import io.bantam.service.problem.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Loads the facts the booking policies ({@link BookingPolicy}) decide on, and applies their lists: to a client's
 * booking attempt, to a client's change of a booking (the cut-off), and to the slot search. The service has no
 * rule of its own; it only loads and applies.
 */
@Service
public class RuleBook {

    /** How far another booking's time can reach into a check: its buffers plus the new booking's (240 + 240). */
    static final Duration REACH = Duration.ofMinutes(2L * BookingRules.Member.BUFFER_BEFORE.max);

    private final AvailabilityReader availability;
    private final RulesStore rules;
    private final BookedTime bookings;

    RuleBook(AvailabilityReader availability, RulesStore rules, BookedTime bookings) {
        this.availability = availability;
        this.rules = rules;
        this.bookings = bookings;
    }

    /** The rules that bind {@code clientId}: the freelancer's defaults with the client's own applied. */
    public Mono<BookingRules> rulesFor(UUID freelancerId, UUID clientId) {
        return Mono.zip(rules.rules(freelancerId), rules.clientRules(freelancerId, clientId))
                .map(both -> both.getT1().forClient(both.getT2()));
    }

    /** The freelancer's weekly availability (none published: no windows, in UTC). */
    public Mono<WeeklyAvailability> weekly(UUID freelancerId) {
        return availability.weekly(freelancerId);
    }

    /** The schedule of the dates {@code from}..{@code to}, with the time off over {@code timeOffWindow}. */
    public Mono<Schedule> schedule(UUID freelancerId, LocalDate from, LocalDate to, TimeRange timeOffWindow) {
        return Mono.zip(weekly(freelancerId), rules.overrides(freelancerId, from, to),
                        rules.timeOff(freelancerId, timeOffWindow))
                .map(found -> Schedule.of(found.getT1(), found.getT2(),
                        found.getT3().stream().map(TimeOff::time).toList()));
    }

    /**
     * Checks a client's booking of {@code time} with the freelancer (a new booking, or the new time of
     * {@code moved}) against {@link BookingPolicy#CLIENT_BOOKING}, in order, and answers the rules in force (whose
     * buffers the booking keeps); the first refusal is the error. Takes the freelancer's booking lock first, so
     * that this check and the write that follows in the same transaction are decided one client booking at a
     * time: the buffers and the weekly maximum hold under concurrency. Call it inside a transaction.
     *
     * @param moved the booking's current time and id when it is being moved, else null
     */
    public Mono<BookingRules> checkClientBooking(UUID freelancerId, UUID clientId, TimeRange time, UUID movedId,
            TimeRange movedTime, Instant now) {
        TimeRange near = new TimeRange(time.start().minus(REACH), time.end().plus(REACH));
        return rules.lockFreelancer(freelancerId)
                .then(Mono.zip(weekly(freelancerId), rulesFor(freelancerId, clientId)))
                .flatMap(found -> {
                    WeeklyAvailability weekly = found.getT1();
                    BookingRules inForce = found.getT2();
                    LocalDate week = BookingFacts.weekOf(time.start(), weekly.zone());
                    Instant weekStart = week.atStartOfDay(weekly.zone()).toInstant();
                    Instant weekEnd = week.plusWeeks(1).atStartOfDay(weekly.zone()).toInstant();
                    LocalDate fromDate = LocalDate.ofInstant(time.start(), weekly.zone()).minusDays(1);
                    LocalDate toDate = LocalDate.ofInstant(time.end(), weekly.zone()).plusDays(1);
                    return Mono.zip(rules.overrides(freelancerId, fromDate, toDate),
                                    rules.timeOff(freelancerId, time),
                                    bookings.held(freelancerId, near),
                                    bookings.busy(clientId, time),
                                    bookings.pairStarts(freelancerId, clientId, weekStart, weekEnd, movedId))
                            .map(loaded -> {
                                Schedule schedule = Schedule.of(weekly, loaded.getT1(),
                                        loaded.getT2().stream().map(TimeOff::time).toList());
                                BookingFacts facts = BookingFacts.of(now, schedule, inForce,
                                        schedule.spans(fromDate, toDate), without(loaded.getT3(), movedTime),
                                        withoutTime(loaded.getT4(), movedTime), loaded.getT5());
                                return BookingPolicy.firstRefusal(BookingPolicy.CLIENT_BOOKING, facts, time);
                            })
                            .flatMap(refusal -> refusal.isPresent() ? Mono.error(toProblem(refusal.get()))
                                    : Mono.just(inForce));
                });
    }

    /** Checks that a client may still move or cancel a booking at {@code current} ({@link BookingPolicy#CLIENT_CHANGE}). */
    public Mono<Void> checkClientChange(UUID freelancerId, UUID clientId, TimeRange current, Instant now) {
        return Mono.zip(weekly(freelancerId), rulesFor(freelancerId, clientId))
                .flatMap(found -> {
                    Schedule schedule = Schedule.of(found.getT1(), List.of(), List.of());
                    BookingFacts facts = BookingFacts.of(now, schedule, found.getT2(), List.of(), List.of(),
                            List.of(), List.of());
                    return BookingPolicy.firstRefusal(BookingPolicy.CLIENT_CHANGE, facts, current)
                            .<Mono<Void>>map(refusal -> Mono.error(toProblem(refusal)))
                            .orElse(Mono.empty());
                });
    }

    /**
     * The slots of the dates {@code from}..{@code to} (the freelancer's zone): for a client (its id given), the
     * times it could book at {@code now} ({@link BookingPolicy#CLIENT_BOOKING} under its rules); for the
     * freelancer alone (null client), its availability, overrides, time off and own bookings
     * ({@link BookingPolicy#FREELANCER_OFFER}). The reads go to the database at the same time.
     */
    public Mono<List<TimeRange>> slots(UUID freelancerId, UUID clientId, LocalDate from, LocalDate to,
            Duration duration, Duration step, Instant now) {
        TimeRange cover = utcCover(from, to);
        TimeRange near = new TimeRange(cover.start().minus(REACH), cover.end().plus(REACH));
        Mono<BookingRules> inForce = clientId == null ? Mono.just(BookingRules.DEFAULTS)
                : rulesFor(freelancerId, clientId);
        Mono<List<TimeRange>> clientBusy = clientId == null ? Mono.just(List.of()) : bookings.busy(clientId, cover);
        Mono<List<Instant>> pairStarts = clientId == null ? Mono.just(List.of())
                : bookings.pairStarts(freelancerId, clientId, cover.start().minus(Duration.ofDays(8)),
                        cover.end().plus(Duration.ofDays(8)), null);
        List<BookingPolicy> policies = clientId == null ? BookingPolicy.FREELANCER_OFFER : BookingPolicy.CLIENT_BOOKING;
        return Mono.zip(schedule(freelancerId, from, to, cover), inForce, bookings.held(freelancerId, near),
                        clientBusy, pairStarts)
                .map(found -> {
                    Schedule schedule = found.getT1();
                    List<TimeRange> spans = schedule.spans(from, to);
                    BookingFacts facts = BookingFacts.of(now, schedule, found.getT2(), spans, found.getT3(),
                            found.getT4(), found.getT5());
                    return io.bantam.booking.rules.domain.SlotSearch.find(spans, facts, policies, duration, step);
                });
    }

    /**
     * The instants the dates {@code from}..{@code to} can cover in any zone (UTC offsets stay within a day):
     * what to read bookings for before the freelancer's zone is known.
     */
    public static TimeRange utcCover(LocalDate from, LocalDate to) {
        return new TimeRange(from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The refusal as the problem the API answers. */
    public static ApiException toProblem(Refusal refusal) {
        if (refusal.status() == 409) {
            return ApiException.conflict(refusal.code(), refusal.message())
                    .with("conflictingParty", refusal.conflictingParty());
        }
        return ApiException.unprocessable(refusal.code(), refusal.message());
    }

    /** The held times but the one of the booking being moved (a party has only one booking at any time). */
    private static List<HeldTime> without(List<HeldTime> held, TimeRange moved) {
        return moved == null ? held : held.stream().filter(h -> !h.time().equals(moved)).toList();
    }

    private static List<TimeRange> withoutTime(List<TimeRange> busy, TimeRange moved) {
        return moved == null ? busy : busy.stream().filter(t -> !t.equals(moved)).toList();
    }
}
