package io.bantam.service.outbox;

import io.bantam.events.BantamEvent;
import reactor.core.publisher.Mono;

/**
 * The transactional outbox. {@link #record} writes the event into the service's own database in the
 * current reactive transaction, so the state change and the event commit together or not at all; the
 * {@link OutboxRelay} publishes committed events to Kafka (topic and key from the event) and marks them sent.
 */
public interface Outbox {

    /**
     * Records an event. Must be part of the same transactional pipeline as the change it describes
     * ({@code @Transactional} method or {@code TransactionalOperator}); outside a transaction it commits on its own.
     */
    Mono<Void> record(BantamEvent event);
}
