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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
     * that client. One range query per party and one pass over both; the queries, the availability and the
     * relationship check go to the database at the same time (nothing is answered unless the check passes).
     */
    public Mono<List<TimeRange>> slots(CurrentUser caller, UUID freelancerId, LocalDate from, LocalDate to,
            Duration duration, Duration step) {
        TimeRange searched = utcCover(from, to);
        Mono<List<TimeRange>> busy = bookings.busy(freelancerId, searched);
        if (caller.is(Role.CLIENT)) {
            busy = Mono.zip(busy, bookings.busy(caller.id(), searched), AvailabilityService::both);
        }
        return Mono.zip(requireVisible(caller, freelancerId).thenReturn(true), find(freelancerId), busy)
                .map(found -> FreeSlots.find(found.getT2().spans(from, to), found.getT3(), duration, step,
                        clock.instant()))
                .name("bantam.availability.slots")
                .tap(Micrometer.observation(observations));
    }

    /**
     * The instants the dates {@code from}..{@code to} can cover in any zone (UTC offsets stay within a day):
     * what to read bookings for before the freelancer's zone is known.
     */
    static TimeRange utcCover(LocalDate from, LocalDate to) {
        return new TimeRange(from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static List<TimeRange> both(List<TimeRange> freelancer, List<TimeRange> client) {
        List<TimeRange> all = new ArrayList<>(freelancer.size() + client.size());
        all.addAll(freelancer);
        all.addAll(client);
        return all;
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
