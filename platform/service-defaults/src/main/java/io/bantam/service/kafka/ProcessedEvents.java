package io.bantam.service.kafka;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The consumer side of the outbox: applies an event's effect at most once per consumer, by construction. The
 * event's id goes into {@code processed_event} in the same transaction as the effect: a redelivered or duplicated
 * event finds its row and is skipped; an effect that fails rolls its row back, so the retry applies it again.
 * Two deliveries of one event at the same time serialise on the row's primary key: the second waits for the first
 * to commit and then skips. {@link ConsumedRecordLog} still writes one line per record either way.
 *
 * <p>It makes a consumer safe against duplicates, not against reordering: an event that depends on another (a
 * cancellation before its creation) needs the consumer's own rule (a tombstone), in the same transaction.
 *
 * <p>Switched on with {@code bantam.processed-events.enabled: true}; its table comes from the Flyway location
 * {@code db/processed-events}. Rows older than {@code bantam.processed-events.retention} are deleted: longer
 * than a broker keeps a record, so no redelivery can outlive its row.
 */
public class ProcessedEvents {

    private final DatabaseClient db;
    private final TransactionalOperator transactions;

    public ProcessedEvents(DatabaseClient db, TransactionalOperator transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    /**
     * Runs {@code effect} in one transaction with the record that {@code consumer} processed {@code eventId}, unless
     * that record is already there. Emits true when the effect ran now, false when the event had been processed.
     */
    public Mono<Boolean> once(String consumer, UUID eventId, Supplier<? extends Mono<?>> effect) {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(eventId, "eventId");
        Mono<Boolean> work = db.sql("""
                        INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :eventId)
                        ON CONFLICT (consumer, event_id) DO NOTHING""")
                .bind("consumer", consumer)
                .bind("eventId", eventId)
                .fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted == 0 ? Mono.just(false) : effect.get().then(Mono.just(true)));
        return transactions.transactional(work);
    }

    /** Whether {@code consumer} has processed {@code eventId}. */
    public Mono<Boolean> processed(String consumer, UUID eventId) {
        return db.sql("""
                        SELECT EXISTS (SELECT 1 FROM processed_event
                                        WHERE consumer = :consumer AND event_id = :eventId) AS processed""")
                .bind("consumer", consumer)
                .bind("eventId", eventId)
                .map(row -> Boolean.TRUE.equals(row.get("processed", Boolean.class)))
                .one();
    }

    /** Deletes the records of events processed before {@code now - retention}; emits how many. */
    public Mono<Long> purge(Instant now, Duration retention) {
        return db.sql("DELETE FROM processed_event WHERE processed_at < :before")
                .bind("before", now.minus(retention).atOffset(ZoneOffset.UTC))
                .fetch()
                .rowsUpdated();
    }
}
