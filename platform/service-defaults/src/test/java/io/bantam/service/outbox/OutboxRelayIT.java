package io.bantam.service.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.events.Topics;
import io.bantam.events.identity.UserRegistered;
import io.bantam.events.identity.UserSnapshot;
import io.bantam.service.testapp.TestApplication;
import io.bantam.testing.TestInfrastructure;
import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox against a real PostgreSQL and a real Kafka broker. The relay's safety-net poll is set to an hour
 * here, so every event that arrives was brought out by the commit notification.
 */
@SpringBootTest(classes = TestApplication.class, properties = {"bantam.outbox.enabled=true", "bantam.outbox.poll-interval=1h"})
@WithPostgres
@WithKafka
class OutboxRelayIT {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayIT.class);

    @Autowired
    Outbox outbox;
    @Autowired
    DatabaseClient db;
    @Autowired
    ReactiveTransactionManager transactionManager;
    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    R2dbcConnectionDetails connection;
    @Autowired
    JsonMapper json;
    @Autowired
    Tracer tracer;
    @Autowired
    Propagator propagator;

    private KafkaConsumer<String, String> consumer;
    private final Map<String, List<ConsumerRecord<String, String>>> received = new ConcurrentHashMap<>();

    @BeforeEach
    void subscribe() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.IDENTITY_USERS));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void aCommittedEventReachesKafkaWithItsKeyAndPayload() {
        UserRegistered event = registered();

        inTransaction(outbox.record(event));

        awaitReceived(Set.of(event.eventId().toString()));
        ConsumerRecord<String, String> record = received.get(event.eventId().toString()).get(0);
        assertThat(record.key()).isEqualTo(event.user().id().toString());
        assertThat(json.readValue(record.value(), UserRegistered.class)).isEqualTo(event);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(unpublished()).isZero());
    }

    @Test
    void aRolledBackEventIsNeverPublished() {
        UserRegistered rolledBack = registered();
        UserRegistered kept = registered();

        TransactionalOperator.create(transactionManager)
                .transactional(outbox.record(rolledBack).then(Mono.error(new IllegalStateException("refused"))))
                .onErrorResume(IllegalStateException.class, e -> Mono.empty())
                .block();
        inTransaction(outbox.record(kept));

        awaitReceived(Set.of(kept.eventId().toString()));
        assertThat(received).doesNotContainKey(rolledBack.eventId().toString());
        assertThat(db.sql("SELECT count(*) AS n FROM outbox_event WHERE event_id = :id")
                .bind("id", rolledBack.eventId()).map(row -> row.get("n", Long.class)).one().block()).isZero();
    }

    @Test
    void aCommitWakesTheRelayWithoutWaitingForThePoll() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UserRegistered event = registered();
            long start = System.nanoTime();
            inTransaction(outbox.record(event));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).untilAsserted(() -> {
                poll(Duration.ofMillis(5));
                assertThat(received).containsKey(event.eventId().toString());
            });
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        millis.sort(Long::compare);
        log.info("Outbox commit-to-consumed latency over 10 events, ms (sorted): {}", millis);
        assertThat(millis).hasSize(10);
    }

    @Test
    void severalRelaysPublishEveryEventExactlyOnce() {
        OutboxRelay second = relay();
        OutboxRelay third = relay();
        second.start();
        third.start();
        try {
            List<UserRegistered> events = IntStream.range(0, 300).mapToObj(i -> registered()).toList();
            Flux.fromIterable(events)
                    .flatMap(event -> TransactionalOperator.create(transactionManager)
                            .transactional(outbox.record(event)), 8)
                    .blockLast();

            Set<String> ids = events.stream().map(e -> e.eventId().toString()).collect(Collectors.toSet());
            awaitReceived(ids);
            poll(Duration.ofMillis(500));
            Map<String, Integer> copies = new HashMap<>();
            ids.forEach(id -> copies.put(id, received.get(id).size()));
            assertThat(copies.values()).containsOnly(1);
        } finally {
            second.stop();
            third.stop();
        }
    }

    private OutboxRelay relay() {
        return new OutboxRelay(db, TransactionalOperator.create(transactionManager), kafka,
                ConnectionFactories.get(connection.getConnectionFactoryOptions()), json,
                new OutboxProperties(true, Duration.ofMillis(50), 10, Duration.ofDays(7)), new SimpleMeterRegistry(),
                tracer, propagator);
    }

    private void inTransaction(Mono<Void> work) {
        TransactionalOperator.create(transactionManager).transactional(work).block();
    }

    private void awaitReceived(Set<String> eventIds) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            poll(Duration.ofMillis(100));
            assertThat(received.keySet()).containsAll(eventIds);
        });
    }

    private void poll(Duration timeout) {
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            String eventId = json.readTree(record.value()).get("eventId").asString();
            received.computeIfAbsent(eventId, id -> new ArrayList<>()).add(record);
        }
    }

    private long unpublished() {
        return db.sql("SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL")
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private static UserRegistered registered() {
        UUID user = UUID.randomUUID();
        return UserRegistered.of(new UserSnapshot(user, user + "@example.com", "Someone", "CLIENT", "UTC",
                null, null, null), Instant.now());
    }
}
