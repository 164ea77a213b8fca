package io.bantam.booking.booking;

import io.bantam.booking.booking.domain.Booking;
import io.bantam.booking.booking.persistence.BookingStore;
import io.bantam.booking.rules.domain.HeldTime;
import io.bantam.booking.time.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What other features read of the booking feature: the time users' live bookings hold, and a freelancer's
 * future bookings. They go through here, never to its store (ArchitectureTest: features keep out of each
 * other's persistence).
 */
@Component
public class BookedTime {

    private final BookingStore bookings;

    BookedTime(BookingStore bookings) {
        this.bookings = bookings;
    }

    /** {@link BookingStore#held}. */
    public Mono<List<HeldTime>> held(UUID user, TimeRange window) {
        return bookings.held(user, window);
    }

    /** {@link BookingStore#busy}. */
    public Mono<List<TimeRange>> busy(UUID user, TimeRange window) {
        return bookings.busy(user, window);
    }

    /** {@link BookingStore#pairStarts}. */
    public Mono<List<Instant>> pairStarts(UUID freelancerId, UUID clientId, Instant from, Instant to, UUID except) {
        return bookings.pairStarts(freelancerId, clientId, from, to, except);
    }

    /** {@link BookingStore#liveOfFreelancerStartingAfter}. */
    public Flux<Booking> liveOfFreelancerStartingAfter(UUID freelancerId, Instant after) {
        return bookings.liveOfFreelancerStartingAfter(freelancerId, after);
    }
}
