package io.bantam.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.events.identity.UserProfileUpdated;
import io.bantam.events.identity.UserRegistered;
import io.bantam.identity.IdentityClient.Session;
import io.bantam.testing.KafkaProcess;
import io.bantam.testing.WithPostgres;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Events are late, never lost, when Kafka is down: the broker is a process of its own here, stopped while
 * users sign up and change their profiles, then started again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@DirtiesContext
class UserEventsDuringBrokerOutageIT {

    @TempDir
    static Path folder;

    static KafkaProcess kafka;

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void startBroker() {
        kafka = KafkaProcess.builder(folder.resolve("kafka")).build().start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> kafka.bootstrapServers());
    }

    @Test
    void eventsOfChangesMadeWhileTheBrokerIsDownArriveOnceItIsBackEachExactlyOnce() {
        IdentityClient identity = new IdentityClient(port);
        Session before = identity.signUp();
        try (UsersTopic topic = new UsersTopic(kafka.bootstrapServers())) {
            topic.awaitRecord(record -> UsersTopic.is(record, UserRegistered.TYPE, before.user().id()));
        }

        kafka.stop();
        List<UUID> signedUpDuringOutage = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            signedUpDuringOutage.add(identity.signUp().user().id());
        }
        identity.patchMe(before.accessToken(), "{\"pronouns\": \"they/them\"}").expectStatus().isOk().expectBody(Void.class);
        // keep the broker down until the relay has given up on a send at least once (past the producer's own
        // retries), so what follows is the relay's recovery, not the producer's buffering
        await("a failed publish").atMost(Duration.ofSeconds(60)).until(this::failedPublishes, failures -> failures > 0);
        kafka.start();

        try (UsersTopic topic = new UsersTopic(kafka.bootstrapServers())) {
            await("every event recorded during the outage").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> arrived(topic.poll(), signedUpDuringOutage, before.user().id()));
            await("the outbox drained").atMost(Duration.ofSeconds(30))
                    .until(this::unpublishedEvents, count -> count == 0);
            List<ConsumerRecord<String, String>> all = topic.drain();

            Map<Object, Long> copiesPerEvent = all.stream()
                    .collect(Collectors.groupingBy(record -> UsersTopic.json(record).get("eventId"),
                            Collectors.counting()));
            assertThat(all).hasSize(7);
            assertThat(copiesPerEvent).hasSize(7).allSatisfy((eventId, copies) -> assertThat(copies).isEqualTo(1));
        }
    }

    private static boolean arrived(List<ConsumerRecord<String, String>> records, List<UUID> registered, UUID updated) {
        return registered.stream().allMatch(id -> records.stream().anyMatch(r -> UsersTopic.is(r, UserRegistered.TYPE, id)))
                && records.stream().anyMatch(r -> UsersTopic.is(r, UserProfileUpdated.TYPE, updated));
    }

    private double failedPublishes() {
        Counter failures = meters.find("bantam.outbox.publish.failures").counter();
        return failures == null ? 0 : failures.count();
    }

    private long unpublishedEvents() {
        return db.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
                .mapValue(Long.class)
                .one()
                .block(Duration.ofSeconds(10));
    }

}
