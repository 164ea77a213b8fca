package io.bantam.booking.availability;

import io.bantam.booking.availability.domain.WeeklyAvailability;
import io.bantam.booking.availability.persistence.AvailabilityStore;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What other features read of the availability feature: a freelancer's weekly availability. They go through
 * here, never to its store (ArchitectureTest: features keep out of each other's persistence).
 */
@Component
public class AvailabilityReader {

    private final AvailabilityStore availability;

    AvailabilityReader(AvailabilityStore availability) {
        this.availability = availability;
    }

    /** The freelancer's weekly availability (none published yet: no windows, in UTC). */
    public Mono<WeeklyAvailability> weekly(UUID freelancerId) {
        return availability.find(freelancerId).defaultIfEmpty(WeeklyAvailability.none());
    }
}
