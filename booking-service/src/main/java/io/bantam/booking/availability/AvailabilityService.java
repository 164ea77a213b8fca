package io.bantam.booking.availability;

import io.bantam.booking.availability.domain.WeeklyAvailability;
import io.bantam.booking.availability.persistence.AvailabilityStore;
import io.bantam.booking.rules.RuleBook;
import io.bantam.booking.time.TimeRange;
import io.bantam.service.problem.ApiException;
import io.bantam.service.relationship.RelationshipProjection;
import io.bantam.service.security.CurrentUser;
import io.bantam.service.security.Role;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.observability.micrometer.Micrometer;
import reactor.core.publisher.Mono;

/**
 * Publishing and reading weekly availability, and the free slots in it. The freelancer and its actively
 * connected clients may read them; to anyone else the freelancer's availability does not exist (404).
 */
@Service
public class AvailabilityService {

    private final AvailabilityStore availability;
    private final RuleBook ruleBook;
    private final RelationshipProjection relationships;
    private final ObservationRegistry observations;
    private final Clock clock;

    AvailabilityService(AvailabilityStore availability, RuleBook ruleBook, RelationshipProjection relationships,
            ObjectProvider<ObservationRegistry> observations, Clock clock) {
        this.availability = availability;
        this.ruleBook = ruleBook;
        this.relationships = relationships;
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        this.clock = clock;
    }

    /** Replaces the calling freelancer's availability. */
    @Transactional
    public Mono<WeeklyAvailability> publish(CurrentUser freelancer, WeeklyAvailability weekly) {
        freelancer.require(Role.FREELANCER);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return availability.replace(freelancer.id(), weekly, now).thenReturn(weekly);
    }

    /** The freelancer's availability (none published yet: no windows, in UTC). */
    public Mono<WeeklyAvailability> get(CurrentUser caller, UUID freelancerId) {
        return requireVisible(caller, freelancerId).then(find(freelancerId));
    }

    /**
     * The free slots of {@code duration} on the step grid of the availability of the dates {@code from}..{@code to}
     * (the freelancer's zone). A client gets exactly the times it could book now, under every rule that binds it;
     * the freelancer gets its availability, overrides, time off and own bookings, or with {@code clientId} what
     * that client could book and is free for both (422 {@code relationship.required} unless actively connected).
     * The reads go to the database at the same time as the visibility check (nothing is answered unless it
     * passes).
     */
    public Mono<List<TimeRange>> slots(CurrentUser caller, UUID freelancerId, UUID clientId, LocalDate from,
            LocalDate to, Duration duration, Duration step) {
        Mono<Void> allowed = requireVisible(caller, freelancerId);
        UUID client = caller.is(Role.CLIENT) ? caller.id() : clientId;
        if (caller.is(Role.FREELANCER) && clientId != null) {
            allowed = allowed.then(caller.id().equals(clientId)
                    ? Mono.error(() -> ApiException.unprocessable("relationship.required",
                            "There is no active relationship between this freelancer and this client."))
                    : relationships.requireActive(freelancerId, clientId));
        }
        return Mono.zip(allowed.thenReturn(true), ruleBook.slots(freelancerId, client, from, to, duration, step,
                        clock.instant()))
                .map(found -> found.getT2())
                .name("bantam.availability.slots")
                .tap(Micrometer.observation(observations));
    }

    private Mono<WeeklyAvailability> find(UUID freelancerId) {
        return availability.find(freelancerId).defaultIfEmpty(WeeklyAvailability.none());
    }

    /** Completes for the freelancer itself and its actively connected clients; 404 for anyone else. */
    private Mono<Void> requireVisible(CurrentUser caller, UUID freelancerId) {
        if (caller.is(Role.FREELANCER) && caller.id().equals(freelancerId)) {
            return Mono.empty();
        }
        if (caller.is(Role.CLIENT)) {
            return relationships.isActive(freelancerId, caller.id())
                    .flatMap(active -> active ? Mono.<Void>empty() : Mono.error(AvailabilityService::notFound));
        }
        return Mono.error(AvailabilityService::notFound);
    }

    private static ApiException notFound() {
        return ApiException.notFound("There is no such freelancer among yours.");
    }
}
