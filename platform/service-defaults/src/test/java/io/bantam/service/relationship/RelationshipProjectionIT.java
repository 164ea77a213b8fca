package io.bantam.service.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.events.Topics;
import io.bantam.events.relationships.RelationshipCreated;
import io.bantam.events.relationships.RelationshipEnded;
import io.bantam.events.relationships.RelationshipEvent;
import io.bantam.service.kafka.KafkaDefaultsAutoConfiguration;
import io.bantam.service.problem.ApiException;
import io.bantam.service.testapp.TestApplication;
import io.bantam.testing.TestInfrastructure;
import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** The shared relationship projection, fed through a real Kafka broker into a real PostgreSQL. */
@SpringBootTest(classes = TestApplication.class, properties = {
        "bantam.relationships.projection.enabled=true",
        "spring.application.name=projection-test"})
@WithPostgres
@WithKafka
class RelationshipProjectionIT {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Autowired
    RelationshipProjection projection;
    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    JsonMapper json;

    private final UUID freelancer = UUID.randomUUID();
    private final UUID client = UUID.randomUUID();
    private final UUID relationship = UUID.randomUUID();

    @Test
    void aCreatedRelationshipBecomesActive() {
        publish(RelationshipCreated.of(relationship, freelancer, client, Instant.now()));

        await().atMost(WITHIN).until(() -> projection.isActive(freelancer, client).block());
        assertThat(projection.activeClientsOf(freelancer).collectList().block()).containsExactly(client);
        assertThat(projection.activeFreelancersOf(client).collectList().block()).containsExactly(freelancer);
        StepVerifier.create(projection.requireActive(freelancer, client)).verifyComplete();
    }

    @Test
    void anEndedRelationshipIsNoLongerActiveAndNewWorkIsRefused() {
        publish(RelationshipCreated.of(relationship, freelancer, client, Instant.now()));
        await().atMost(WITHIN).until(() -> projection.isActive(freelancer, client).block());

        publish(RelationshipEnded.of(relationship, freelancer, client, Instant.now()));

        await().atMost(WITHIN).until(() -> !projection.isActive(freelancer, client).block());
        StepVerifier.create(projection.requireActive(freelancer, client))
                .expectErrorSatisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("relationship.required"))
                .verify();
    }

    @Test
    void duplicatedEventsChangeNothing() {
        RelationshipCreated created = RelationshipCreated.of(relationship, freelancer, client, Instant.now());
        RelationshipEnded ended = RelationshipEnded.of(relationship, freelancer, client, Instant.now());
        publish(created);
        publish(ended);
        publish(created);
        publish(ended);
        publish(created);
        UUID marker = UUID.randomUUID();
        publish(RelationshipCreated.of(UUID.randomUUID(), freelancer, marker, Instant.now()));

        await().atMost(WITHIN).until(() -> projection.isActive(freelancer, marker).block());
        assertThat(projection.isActive(freelancer, client).block()).isFalse();
    }

    @Test
    void anEndThatArrivesBeforeItsCreationStillWins() {
        Instant now = Instant.now();
        publish(RelationshipEnded.of(relationship, freelancer, client, now.plusSeconds(60)));
        publish(RelationshipCreated.of(relationship, freelancer, client, now));
        UUID marker = UUID.randomUUID();
        publish(RelationshipCreated.of(UUID.randomUUID(), freelancer, marker, Instant.now()));

        await().atMost(WITHIN).until(() -> projection.isActive(freelancer, marker).block());
        assertThat(projection.isActive(freelancer, client).block()).isFalse();
    }

    @Test
    void anEventWithAFieldAddedLaterIsStillApplied() {
        String json = "{\"eventId\": \"" + UUID.randomUUID() + "\", \"type\": \"RelationshipCreated\", "
                + "\"occurredAt\": \"2026-12-01T09:00:00Z\", \"relationshipId\": \"" + relationship + "\", "
                + "\"freelancerId\": \"" + freelancer + "\", \"clientId\": \"" + client + "\", "
                + "\"source\": \"a field from a later version\"}";
        kafka.send(Topics.RELATIONSHIPS, freelancer.toString(), json).join();

        await().atMost(WITHIN).until(() -> projection.isActive(freelancer, client).block());
    }

    @Test
    void reconnectingAfterAnEndMakesThePairActiveAgain() {
        publish(RelationshipCreated.of(relationship, freelancer, client, Instant.now()));
        publish(RelationshipEnded.of(relationship, freelancer, client, Instant.now()));
        publish(RelationshipCreated.of(UUID.randomUUID(), freelancer, client, Instant.now()));

        await().atMost(WITHIN).until(() -> projection.isActive(freelancer, client).block());
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextEventIsStillApplied() {
        String poison = "{\"type\": \"RelationshipCreated\", \"relationshipId\": \"not-a-uuid\"}";
        kafka.send(Topics.RELATIONSHIPS, freelancer.toString(), poison).join();
        kafka.send(Topics.RELATIONSHIPS, freelancer.toString(), "definitely not json").join();

        publish(RelationshipCreated.of(relationship, freelancer, client, Instant.now()));

        await().atMost(WITHIN).until(() -> projection.isActive(freelancer, client).block());
        List<String> deadLetters = deadLetters(freelancer.toString(), 2);
        assertThat(deadLetters).contains(poison, "definitely not json");
    }

    private void publish(RelationshipEvent event) {
        kafka.send(event.topic(), event.key(), json.writeValueAsString(event)).join();
    }

    private List<String> deadLetters(String key, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.RELATIONSHIPS + KafkaDefaultsAutoConfiguration.DEAD_LETTER_SUFFIX));
            java.util.List<String> values = new java.util.ArrayList<>();
            await().atMost(WITHIN).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        values.add(record.value());
                    }
                }
                return values.size() >= expected;
            });
            return values;
        }
    }
}
