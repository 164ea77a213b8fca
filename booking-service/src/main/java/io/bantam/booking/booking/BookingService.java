package io.bantam.booking.booking;

import io.bantam.booking.availability.domain.WeeklyAvailability;
import io.bantam.booking.booking.domain.Booking;
import io.bantam.booking.booking.domain.BookingChange;
import io.bantam.booking.booking.domain.BookingDetails;
import io.bantam.booking.booking.domain.BookingPosition;
import io.bantam.booking.booking.domain.OverlapException;
import io.bantam.booking.booking.domain.Party;
import io.bantam.booking.booking.persistence.BookingStore;
import io.bantam.booking.rules.RuleBook;
import io.bantam.booking.rules.domain.BookingRules;
import io.bantam.booking.time.TimeRange;
import io.bantam.booking.users.UserNames;
import io.bantam.events.bookings.BookingCancelled;
import io.bantam.events.bookings.BookingCreated;
import io.bantam.events.bookings.BookingRescheduled;
import io.bantam.events.bookings.BookingSnapshot;
import io.bantam.service.outbox.Outbox;
import io.bantam.service.paging.Cursors;
import io.bantam.service.paging.Page;
import io.bantam.service.problem.ApiException;
import io.bantam.service.relationship.RelationshipProjection;
import io.bantam.service.security.CurrentUser;
import io.bantam.service.security.Role;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.observability.micrometer.Micrometer;
import reactor.core.publisher.Mono;

/**
 * Bookings between a freelancer and its connected clients. The rules, in the order they are checked: an active
 * relationship (422 {@code relationship.required}); for a client, the booking policies
 * ({@link io.bantam.booking.rules.domain.BookingPolicy}: availability, notice, horizon, weekly maximum, buffers,
 * and the cut-off for moving or cancelling), decided under the freelancer's booking lock ({@link RuleBook}); then
 * no overlap for either party, which the database decides under any concurrency (409 {@code booking.conflict}
 * naming the party). Every booking keeps the buffers in force for its pair when it was made (or last moved). Each
 * change and its event commit together; a transaction PostgreSQL aborts to break a deadlock among racing bookings
 * is tried again whole by service-defaults ({@code io.bantam.service.transaction}), and then meets the winner
 * (409) like any other loser of the race.
 */
@Service
public class BookingService {

    private final BookingStore bookings;
    private final RuleBook ruleBook;
    private final RelationshipProjection relationships;
    private final Outbox outbox;
    private final UserNames users;
    private final ObservationRegistry observations;
    private final Clock clock;

    BookingService(BookingStore bookings, RuleBook ruleBook, RelationshipProjection relationships,
            Outbox outbox, UserNames users, ObjectProvider<ObservationRegistry> observations, Clock clock) {
        this.bookings = bookings;
        this.ruleBook = ruleBook;
        this.relationships = relationships;
        this.outbox = outbox;
        this.users = users;
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        this.clock = clock;
    }

    /**
     * Books {@code details} between the caller and {@code counterpart}: its client when the caller is a
     * freelancer, its freelancer when the caller is a client.
     */
    @Transactional
    public Mono<Booking> create(CurrentUser caller, UUID counterpart, BookingDetails details) {
        UUID freelancerId = caller.is(Role.FREELANCER) ? caller.id() : counterpart;
        UUID clientId = caller.is(Role.FREELANCER) ? counterpart : caller.id();
        Instant now = now();
        return requireRelationship(freelancerId, clientId)
                .then(rulesInForce(caller, freelancerId, clientId, details.time(), null, null, now))
                .flatMap(rules -> bookings.insert(Booking.create(UUID.randomUUID(), freelancerId, clientId, details,
                                caller.id(), now), rules.bufferBeforeMinutes(), rules.bufferAfterMinutes())
                        .onErrorMap(OverlapException.class, BookingService::conflict))
                .flatMap(booking -> freelancerZone(booking.freelancerId())
                        .flatMap(zone -> outbox.record(BookingCreated.of(snapshot(booking, zone), now)))
                        .thenReturn(booking))
                .name("bantam.bookings.create")
                .tap(Micrometer.observation(observations));
    }

    /** A booking the caller is a party of; 404 otherwise. */
    public Mono<Booking> get(CurrentUser caller, UUID id) {
        return bookings.find(id)
                .filter(booking -> booking.partyOf(caller.id()).isPresent())
                .switchIfEmpty(Mono.error(BookingService::notFound));
    }

    /** The caller's live bookings (as either party) overlapping {@code [from, to)}, ascending by start. */
    public Mono<Page<Booking>> list(CurrentUser caller, Instant from, Instant to, int limit, String cursor) {
        BookingPosition after = Cursors.decode(cursor, 2, BookingPosition::fromParts);
        return bookings.list(caller.id(), from, to, after == null ? null : after.start(),
                        after == null ? null : after.id(), limit + 1)
                .collectList()
                .map(fetched -> Cursors.page(fetched, limit,
                        last -> Cursors.encode(BookingPosition.of(last).toParts().toArray(String[]::new))));
    }

    /**
     * Reschedules or edits a booking the caller is a party of, under the rules of creation with the booking
     * itself out of the way. A change that changes nothing is answered with the booking as it is.
     */
    @Transactional
    public Mono<Booking> change(CurrentUser caller, UUID id, BookingChange change) {
        return bookings.findForUpdate(id)
                .filter(booking -> booking.partyOf(caller.id()).isPresent())
                .switchIfEmpty(Mono.error(BookingService::notFound))
                .flatMap(current -> {
                    BookingDetails details = change.applyTo(current.details());
                    if (details.equals(current.details())) {
                        return Mono.just(current);
                    }
                    Instant now = now();
                    Booking changed = current.with(details, now);
                    boolean moved = !details.time().equals(current.time());
                    Mono<Booking> write = moved
                            ? requireCutoff(caller, current, now)
                                    .then(rulesInForce(caller, current.freelancerId(), current.clientId(),
                                            details.time(), current.id(), current.time(), now))
                                    .flatMap(rules -> bookings.update(current, changed, rules.bufferBeforeMinutes(),
                                            rules.bufferAfterMinutes()))
                            : bookings.update(current, changed);
                    return requireRelationship(current.freelancerId(), current.clientId())
                            .then(write)
                            .onErrorMap(OverlapException.class, BookingService::conflict)
                            .then(freelancerZone(current.freelancerId()))
                            .flatMap(zone -> outbox.record(BookingRescheduled.of(snapshot(changed, zone),
                                    current.time().start(), current.time().end(), caller.id(), now)))
                            .thenReturn(changed);
                });
    }

    /** Cancels a booking the caller is a party of: its time is free again at once. */
    @Transactional
    public Mono<Void> cancel(CurrentUser caller, UUID id) {
        return bookings.findForUpdate(id)
                .filter(booking -> booking.partyOf(caller.id()).isPresent())
                .switchIfEmpty(Mono.error(BookingService::notFound))
                .flatMap(booking -> {
                    Instant now = now();
                    return requireCutoff(caller, booking, now)
                            .then(bookings.cancel(booking.id(), caller.id(), now))
                            .then(freelancerZone(booking.freelancerId()))
                            .flatMap(zone -> outbox.record(BookingCancelled.of(snapshot(booking, zone), caller.id(),
                                    now)));
                });
    }

    private Mono<Void> requireRelationship(UUID freelancerId, UUID clientId) {
        if (freelancerId.equals(clientId)) {
            return Mono.error(() -> ApiException.unprocessable("relationship.required",
                    "There is no active relationship between this freelancer and this client."));
        }
        return relationships.requireActive(freelancerId, clientId);
    }

    /**
     * The rules in force for the pair, whose buffers the booking keeps. For a client, the time must pass the
     * booking policies first (under the freelancer's booking lock); a freelancer may book anything that does not
     * overlap.
     */
    private Mono<BookingRules> rulesInForce(CurrentUser caller, UUID freelancerId, UUID clientId, TimeRange time,
            UUID movedId, TimeRange movedTime, Instant now) {
        if (caller.is(Role.CLIENT)) {
            return ruleBook.checkClientBooking(freelancerId, clientId, time, movedId, movedTime, now);
        }
        return ruleBook.rulesFor(freelancerId, clientId);
    }

    /** A client moves or cancels only before the cut-off; a freelancer any time. */
    private Mono<Void> requireCutoff(CurrentUser caller, Booking booking, Instant now) {
        if (!caller.is(Role.CLIENT)) {
            return Mono.empty();
        }
        return ruleBook.checkClientChange(booking.freelancerId(), booking.clientId(), booking.time(), now);
    }

    /**
     * The freelancer's IANA zone for the events' {@code freelancerTimeZone}: its profile's (users topic), else its
     * availability's; "" when neither is known (the event then carries none).
     */
    private Mono<String> freelancerZone(UUID freelancerId) {
        return users.timeZone(freelancerId)
                .switchIfEmpty(Mono.defer(() -> ruleBook.weekly(freelancerId)
                        .filter(weekly -> !weekly.equals(WeeklyAvailability.none()))
                        .map(weekly -> weekly.zone().getId())))
                .defaultIfEmpty("");
    }

    static BookingSnapshot snapshot(Booking booking, String freelancerTimeZone) {
        return new BookingSnapshot(booking.id(), booking.freelancerId(), booking.clientId(), booking.title(),
                booking.location(), booking.time().start(), booking.time().end(), booking.durationMinutes(),
                booking.createdBy(), freelancerTimeZone == null || freelancerTimeZone.isEmpty() ? null
                        : freelancerTimeZone);
    }

    static ApiException conflict(OverlapException overlap) {
        Party party = overlap.party();
        return ApiException.conflict("booking.conflict", "The " + party.name().toLowerCase(Locale.ROOT)
                        + " already has a booking that overlaps this time.")
                .with("conflictingParty", party.name());
    }

    private static ApiException notFound() {
        return ApiException.notFound("There is no such booking among yours.");
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; milliseconds read the same before and after a round trip
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
