package io.bantam.task.preparation;

import io.bantam.events.bookings.BookingCancelled;
import io.bantam.events.bookings.BookingCreated;
import io.bantam.events.bookings.BookingEvent;
import io.bantam.events.bookings.BookingRescheduled;
import io.bantam.events.bookings.BookingSnapshot;
import io.bantam.service.kafka.ProcessedEvents;
import io.bantam.task.preparation.domain.Preparation;
import io.bantam.task.preparation.domain.PreparationSettings;
import io.bantam.task.preparation.persistence.PreparationStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Preparation tasks: a freelancer who switched them on gets {@code Prepare: <title>} for each new booking, due
 * {@code prepareDaysBefore} days before the booking's date in its zone; a reschedule moves it, a cancellation deletes
 * it unless the freelancer completed or edited it.
 *
 * <p>Exactly once, by construction: each event is applied inside {@link ProcessedEvents#once} (its id recorded in
 * the same transaction as its effect, so a redelivery changes nothing); a booking has at most one task (a unique
 * index); what is known of a booking only moves forward (the newest event by {@code occurredAt} wins); and a
 * cancellation is a tombstone, so a creation or reschedule that arrives after it (reordered) makes and moves
 * nothing.
 */
@Service
public class PreparationService {

    static final String CONSUMER = "task-service.preparation";

    private final PreparationStore store;
    private final ProcessedEvents processed;
    private final Clock clock;

    PreparationService(PreparationStore store, ProcessedEvents processed, Clock clock) {
        this.store = store;
        this.processed = processed;
        this.clock = clock;
    }

    public Mono<PreparationSettings> settings(UUID freelancerId) {
        return store.settings(freelancerId);
    }

    public Mono<PreparationSettings> saveSettings(UUID freelancerId, PreparationSettings settings) {
        return store.saveSettings(freelancerId, settings, now());
    }

    /** Applies a booking event once; emits false when it had been applied before. */
    public Mono<Boolean> apply(BookingEvent event) {
        return processed.once(CONSUMER, event.eventId(), () -> effect(event));
    }

    private Mono<Void> effect(BookingEvent event) {
        if (event instanceof BookingCreated created) {
            return created(created);
        }
        if (event instanceof BookingRescheduled rescheduled) {
            return rescheduled(rescheduled);
        }
        return cancelled((BookingCancelled) event);
    }

    private Mono<Void> created(BookingCreated event) {
        BookingSnapshot booking = event.booking();
        return store.recordBooking(booking.id(), booking.freelancerId(), booking.start(), booking.freelancerTimeZone(),
                        event.occurredAt())
                .then(store.booking(booking.id()))
                .filter(state -> !state.cancelled())
                .flatMap(state -> store.settings(booking.freelancerId())
                        .filter(PreparationSettings::prepareForBookings)
                        .flatMap(settings -> store.insertTask(booking.id(), booking.freelancerId(),
                                booking.clientId(), Preparation.title(booking.title()),
                                Preparation.dueDate(state.start(), state.timeZone(), settings.prepareDaysBefore()),
                                now())))
                .then();
    }

    private Mono<Void> rescheduled(BookingRescheduled event) {
        BookingSnapshot booking = event.booking();
        return store.recordBooking(booking.id(), booking.freelancerId(), booking.start(), booking.freelancerTimeZone(),
                        event.occurredAt())
                .filter(Boolean::booleanValue)
                .flatMap(newest -> store.settings(booking.freelancerId()))
                .flatMap(settings -> store.moveTask(booking.id(),
                        Preparation.dueDate(booking.start(), booking.freelancerTimeZone(),
                                settings.prepareDaysBefore()), now()));
    }

    private Mono<Void> cancelled(BookingCancelled event) {
        BookingSnapshot booking = event.booking();
        return store.recordCancellation(booking.id(), booking.freelancerId(), booking.start(),
                        booking.freelancerTimeZone(), event.occurredAt())
                .then(store.deleteTask(booking.id()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
