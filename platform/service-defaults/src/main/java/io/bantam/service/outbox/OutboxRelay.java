package io.bantam.service.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes committed outbox rows to Kafka and marks them published.
 * <p>
 * It wakes when PostgreSQL notifies a commit that recorded events ({@code LISTEN bantam_outbox}), so an event
 * is on Kafka within milliseconds, and polls every {@code pollInterval} as the safety net (a lost listen
 * connection, events left behind by a failed publish). Each round claims a batch with
 * {@code FOR UPDATE SKIP LOCKED} in one transaction, sends it, waits for the broker's acknowledgements and
 * marks it published in the same transaction: several relay instances never publish the same row at the same
 * time, and a failed send leaves the rows for the next round (at least once; consumers are idempotent).
 * <p>
 * Each event is sent in the trace of the request that recorded it: the relay continues the W3C trace context stored
 * with the row in an {@code outbox publish} producer span, whose context goes in the record's {@code traceparent}
 * header. The trace id on Kafka is the request's, never one the relay starts, and a {@code KafkaTemplate} with
 * observation enabled nests its own span in that trace instead of replacing the header with a trace of its own.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final String CHANNEL = "bantam_outbox";
    private static final Duration LISTEN_RECONNECT_DELAY = Duration.ofSeconds(2);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final KafkaTemplate<Object, Object> kafka;
    private final ConnectionFactory listenConnections;
    private final JsonMapper json;
    private final OutboxProperties properties;
    private final Tracer tracer;
    private final Propagator propagator;
    private final Counter published;
    private final Counter failures;
    private final Timer lag;
    private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
    private volatile Disposable running;

    /**
     * @param tracer the tracer and propagator to continue each event's trace with; either {@code null} (tracing off)
     *     sends the stored headers as they are
     */
    public OutboxRelay(DatabaseClient db, TransactionalOperator transactions, KafkaTemplate<Object, Object> kafka,
            ConnectionFactory listenConnections, JsonMapper json, OutboxProperties properties, MeterRegistry meters,
            Tracer tracer, Propagator propagator) {
        this.db = db;
        this.transactions = transactions;
        this.kafka = kafka;
        this.listenConnections = listenConnections;
        this.json = json;
        this.properties = properties;
        this.tracer = tracer;
        this.propagator = propagator;
        this.published = Counter.builder("bantam.outbox.published").description("Events published to Kafka")
                .register(meters);
        this.failures = Counter.builder("bantam.outbox.publish.failures")
                .description("Relay rounds that failed and left their events for the next round").register(meters);
        this.lag = Timer.builder("bantam.outbox.lag").description("From commit to acknowledged by Kafka")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
    }

    /** Makes the relay look for events now (tests, or a caller that knows it just committed some). */
    public void wakeUp() {
        wakeUps.tryEmitNext(Boolean.TRUE);
    }

    @Override
    public void start() {
        Flux<Object> ticks = Flux.merge(
                Flux.just((Object) "start"),
                notifications(),
                wakeUps.asFlux(),
                Flux.interval(properties.pollInterval(), properties.pollInterval()));
        Disposable relay = ticks
                .onBackpressureLatest()
                .concatMap(tick -> drain(), 1)
                .subscribe();
        Disposable cleanup = Flux.interval(Duration.ofMinutes(1), Duration.ofHours(1))
                .concatMap(tick -> deletePublished(), 1)
                .subscribe();
        running = Disposables.composite(relay, cleanup);
        log.info("Outbox relay started (poll every {}, batches of {})", properties.pollInterval(),
                properties.batchSize());
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    /** Publishes batches until one comes back short; a failure ends the round and is retried on the next. */
    Mono<Void> drain() {
        return publishBatch()
                .expand(count -> count >= properties.batchSize() ? publishBatch() : Mono.empty())
                .then()
                .onErrorResume(failure -> {
                    failures.increment();
                    log.warn("Outbox relay could not publish; will retry: {}", failure.toString());
                    return Mono.empty();
                });
    }

    /** One transaction: claim a batch, send it, wait for every acknowledgement, mark it published. */
    Mono<Integer> publishBatch() {
        Mono<Integer> batch = db.sql("""
                        SELECT id, topic, message_key, event_type, payload, headers::text AS headers, created_at
                          FROM outbox_event
                         WHERE published_at IS NULL
                         ORDER BY id
                         LIMIT :limit
                           FOR UPDATE SKIP LOCKED""")
                .bind("limit", properties.batchSize())
                .map((row, meta) -> new Pending(row.get("id", Long.class), row.get("topic", String.class),
                        row.get("message_key", String.class), row.get("event_type", String.class),
                        row.get("payload", String.class),
                        row.get("headers", String.class), row.get("created_at", OffsetDateTime.class)))
                .all()
                .collectList()
                .flatMap(pending -> pending.isEmpty() ? Mono.just(0) : send(pending).then(markPublished(pending)));
        return transactions.transactional(batch);
    }

    private Mono<Void> send(List<Pending> pending) {
        // KafkaTemplate.send may block up to max.block.ms while the broker is unreachable: keep it off the
        // event loop. Records are handed to the producer in id order, so events of a key stay in order.
        return Mono.fromCallable(() -> {
            List<CompletableFuture<?>> acks = new ArrayList<>(pending.size());
            for (Pending event : pending) {
                acks.add(publish(event));
            }
            return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
        }).subscribeOn(Schedulers.boundedElastic()).flatMap(Mono::fromFuture).then();
    }

    /** Sends one event in the trace that recorded it: a producer span continuing the stored context, in scope. */
    private CompletableFuture<?> publish(Pending event) {
        Map<String, String> headers = event.headers(json);
        if (tracer == null || propagator == null) {
            return kafka.send(event.toRecord(headers));
        }
        Span span = propagator.extract(headers, Map::get)
                .name("outbox publish")
                .kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", event.topic())
                .tag("bantam.event.type", String.valueOf(event.type()))
                .start();
        Map<String, String> continued = new LinkedHashMap<>(headers);
        propagator.inject(span.context(), continued, Map::put);
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return kafka.send(event.toRecord(continued)).whenComplete((result, failure) -> {
                if (failure != null) {
                    span.error(failure);
                }
                span.end();
            });
        } catch (RuntimeException e) {
            span.error(e);
            span.end();
            throw e;
        }
    }

    private Mono<Integer> markPublished(List<Pending> pending) {
        Long[] ids = pending.stream().map(Pending::id).toArray(Long[]::new);
        return db.sql("UPDATE outbox_event SET published_at = clock_timestamp() WHERE id = ANY(:ids)")
                .bind("ids", ids)
                .fetch()
                .rowsUpdated()
                .map(updated -> {
                    Instant now = Instant.now();
                    for (Pending event : pending) {
                        lag.record(Duration.between(event.createdAt().toInstant(), now));
                    }
                    published.increment(pending.size());
                    return pending.size();
                });
    }

    private Mono<Void> deletePublished() {
        return db.sql("DELETE FROM outbox_event WHERE published_at < :before")
                .bind("before", OffsetDateTime.now().minus(properties.retention()))
                .fetch()
                .rowsUpdated()
                .doOnNext(deleted -> log.debug("Deleted {} published outbox rows", deleted))
                .onErrorResume(failure -> Mono.empty())
                .then();
    }

    /** Commit notifications on a dedicated connection, reconnecting after a pause when it is lost. */
    private Flux<Object> notifications() {
        return Flux.defer(this::listenOnce)
                .onErrorResume(failure -> {
                    log.debug("Outbox LISTEN connection lost: {}", failure.toString());
                    return Flux.empty();
                })
                .concatWith(Mono.delay(LISTEN_RECONNECT_DELAY).then(Mono.empty()))
                .repeat();
    }

    private Flux<Object> listenOnce() {
        return Flux.usingWhen(listenConnections.create(),
                connection -> {
                    PostgresqlConnection postgres = (PostgresqlConnection) connection;
                    return postgres.createStatement("LISTEN " + CHANNEL).execute()
                            .flatMap(result -> result.getRowsUpdated())
                            .thenMany(postgres.getNotifications().map(notification -> (Object) notification));
                },
                Connection::close);
    }

    @Override
    public int getPhase() {
        // stops before the web server, the Kafka producer and the connection pool
        return Integer.MAX_VALUE - 100;
    }

    private record Pending(Long id, String topic, String key, String type, String payload, String headers,
            OffsetDateTime createdAt) {

        Map<String, String> headers(JsonMapper json) {
            return headers == null ? Map.of() : json.readValue(headers, HEADERS);
        }

        ProducerRecord<Object, Object> toRecord(Map<String, String> values) {
            ProducerRecord<Object, Object> record = new ProducerRecord<>(topic, key, payload);
            values.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            return record;
        }
    }
}
