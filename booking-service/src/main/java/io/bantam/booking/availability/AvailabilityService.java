package io.bantam.booking.availability;

import io.bantam.booking.availability.domain.FreeSlots;
import io.bantam.booking.availability.domain.WeeklyAvailability;
import io.bantam.booking.availability.persistence.AvailabilityStore;
import io.bantam.booking.booking.persistence.BookingStore;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishing and reading weekly availability, and the free slots in it. The freelancer and its actively
 * connected clients may read them; to anyone else the freelancer's availability does not exist (404).
 */
@Service
public class AvailabilityService {

    private final AvailabilityStore availability;
    private final BookingStore bookings;
    private final RelationshipProjection relationships;
    private final ObservationRegistry observations;
    private final Clock clock;

    AvailabilityService(AvailabilityStore availability, BookingStore bookings, RelationshipProjection relationships,
            ObjectProvider<ObservationRegistry> observations, Clock clock) {
        this.availability = availability;
        this.bookings = bookings;
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
     * The free slots of {@code duration} on the step grid in the windows of the dates {@code from}..{@code to}
     * (the freelancer's zone), after now, overlapping no booking of the freelancer nor, when a client asks, of
     * that client. One range query per party, then one pass over both.
     */
    public Mono<List<TimeRange>> slots(CurrentUser caller, UUID freelancerId, LocalDate from, LocalDate to,
            Duration duration, Duration step) {
        return requireVisible(caller, freelancerId)
                .then(find(freelancerId))
                .flatMap(weekly -> {
                    List<TimeRange> spans = weekly.spans(from, to);
                    if (spans.isEmpty()) {
                        return Mono.just(List.<TimeRange>of());
                    }
                    TimeRange searched = new TimeRange(spans.get(0).start(), spans.get(spans.size() - 1).end());
                    Flux<TimeRange> busy = bookings.busy(freelancerId, searched);
                    if (caller.is(Role.CLIENT)) {
                        busy = busy.mergeWith(bookings.busy(caller.id(), searched));
                    }
                    return busy.collectList()
                            .map(blocked -> FreeSlots.find(spans, blocked, duration, step, clock.instant()));
                })
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
