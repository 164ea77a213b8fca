package io.bantam.booking;

import static io.bantam.booking.support.Times.berlin;
import static io.bantam.booking.support.Times.mondayAhead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.booking.support.Api;
import io.bantam.booking.support.User;
import io.bantam.events.Topics;
import io.bantam.events.relationships.RelationshipCreated;
import io.bantam.events.relationships.RelationshipEnded;
import io.bantam.events.relationships.RelationshipEvent;
import io.bantam.service.testsupport.TestSecurity;
import io.bantam.testing.TestInfrastructure;
import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * booking-service on the event bus: relationships arriving on {@code bantam.relationships.v1} give and take the
 * right to book, and every booking change leaves on {@code bantam.bookings.v1} through the outbox, keyed by
 * freelancer id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(TestSecurity.class)
@WithPostgres
@WithKafka
class BookingEventsIT {

    static final Duration WITHIN = Duration.ofSeconds(30);

    @Autowired
    WebTestClient web;
    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    JsonMapper json;

    Api api;
    KafkaConsumer<String, String> consumer;
    final User freelancer = User.freelancer();
    final User client = User.client();
    final LocalDate monday = mondayAhead();

    @BeforeEach
    void setUp() {
        api = new Api(web);
        consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.BOOKINGS));
    }

    static Properties consumerConfig() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "booking-events-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    void publish(RelationshipEvent event) {
        kafka.send(event.topic(), event.key(), json.writeValueAsString(event)).join();
    }

    /** Whether a client booking attempt is refused for want of a relationship (and nothing else). */
    int bookingAttempt(String time) {
        return api.post(client, "/api/bookings", Api.booking(client, freelancer, berlin(monday, time), 30, "Try"))
                .returnResult(String.class).getStatus().value();
    }

    @Test
    void relationshipEventsGiveAndTakeTheRightToBook() {
        api.publishWeekdays(freelancer, "Europe/Berlin", "09:00", "17:00");
        UUID relationship = UUID.randomUUID();
        assertThat(bookingAttempt("09:00")).isEqualTo(422);

        publish(RelationshipCreated.of(relationship, freelancer.id(), client.id(), Instant.now()));

        await().atMost(WITHIN).until(() -> bookingAttempt("09:00") == 201);
        api.get(client, "/api/availability/{id}", freelancer.id()).expectStatus().isOk();

        publish(RelationshipEnded.of(relationship, freelancer.id(), client.id(), Instant.now()));

        await().atMost(WITHIN).until(() -> bookingAttempt("10:00") == 422);
        api.post(client, "/api/bookings", Api.booking(client, freelancer, berlin(monday, "11:00"), 30, "Again"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("relationship.required");
        api.get(client, "/api/availability/{id}", freelancer.id()).expectStatus().isNotFound();
        api.get(client, "/api/bookings").expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1);
    }

    @Test
    void aPoisonRelationshipMessageIsDeadLetteredAndTheNextEventStillApplies() {
        api.publishWeekdays(freelancer, "Europe/Berlin", "09:00", "17:00");
        kafka.send(Topics.RELATIONSHIPS, freelancer.id().toString(), "{\"type\": \"RelationshipCreated\"}").join();

        publish(RelationshipCreated.of(UUID.randomUUID(), freelancer.id(), client.id(), Instant.now()));

        await().atMost(WITHIN).until(() -> bookingAttempt("12:00") == 201);
        try (KafkaConsumer<String, String> deadLetters = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new StringDeserializer())) {
            deadLetters.subscribe(List.of(Topics.RELATIONSHIPS + ".dlt"));
            List<String> values = new ArrayList<>();
            await().atMost(WITHIN).until(() -> {
                deadLetters.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (freelancer.id().toString().equals(record.key())) {
                        values.add(record.value());
                    }
                });
                return !values.isEmpty();
            });
            assertThat(values).containsExactly("{\"type\": \"RelationshipCreated\"}");
        }
    }

    @Test
    void everyChangeIsPublishedKeyedByFreelancerWithTheWholeBooking() {
        api.publishWeekdays(freelancer, "Europe/Berlin", "08:00", "17:00");
        publish(RelationshipCreated.of(UUID.randomUUID(), freelancer.id(), client.id(), Instant.now()));
        await().atMost(WITHIN).until(() -> api.post(freelancer, "/api/bookings", Api.booking(freelancer, client,
                berlin(monday, "08:00"), 30, "First")).returnResult(String.class).getStatus().value() == 201);

        Map<String, Object> body = Api.booking(freelancer, client, berlin(monday, "10:00"), 60, "Kick-off");
        body.put("location", "Studio");
        String id = api.post(freelancer, "/api/bookings", body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        api.post(freelancer, "/api/bookings", Api.booking(freelancer, client, berlin(monday, "10:30"), 30, "Clash"))
                .expectStatus().isEqualTo(409);
        api.patch(client, "/api/bookings/{id}", Map.of("start", berlin(monday, "13:00").toString(),
                "durationMinutes", 90), id).expectStatus().isOk();
        api.delete(client, "/api/bookings/{id}", id).expectStatus().isNoContent();

        List<ConsumerRecord<String, String>> records = recordsAbout(id, 3);

        assertThat(records).extracting(ConsumerRecord::key).containsOnly(freelancer.id().toString());
        List<JsonNode> events = records.stream().map(r -> json.readTree(r.value())).toList();
        assertThat(events).extracting(e -> e.get("type").asString())
                .containsExactly("BookingCreated", "BookingRescheduled", "BookingCancelled");

        JsonNode created = events.get(0);
        assertThat(created.get("eventId").asString()).isNotBlank();
        assertThat(created.get("occurredAt").asString()).isNotBlank();
        JsonNode booking = created.get("booking");
        assertThat(booking.get("id").asString()).isEqualTo(id);
        assertThat(booking.get("freelancerId").asString()).isEqualTo(freelancer.id().toString());
        assertThat(booking.get("clientId").asString()).isEqualTo(client.id().toString());
        assertThat(booking.get("title").asString()).isEqualTo("Kick-off");
        assertThat(booking.get("location").asString()).isEqualTo("Studio");
        assertThat(booking.get("start").asString()).isEqualTo(berlin(monday, "10:00").toString());
        assertThat(booking.get("end").asString()).isEqualTo(berlin(monday, "11:00").toString());
        assertThat(booking.get("durationMinutes").asInt()).isEqualTo(60);
        assertThat(booking.get("createdBy").asString()).isEqualTo(freelancer.id().toString());
        // the freelancer's zone: no profile event here, so its availability's
        assertThat(booking.get("freelancerTimeZone").asString()).isEqualTo("Europe/Berlin");

        JsonNode rescheduled = events.get(1);
        assertThat(rescheduled.get("booking").get("start").asString()).isEqualTo(berlin(monday, "13:00").toString());
        assertThat(rescheduled.get("booking").get("end").asString()).isEqualTo(berlin(monday, "14:30").toString());
        assertThat(rescheduled.get("previousStart").asString()).isEqualTo(berlin(monday, "10:00").toString());
        assertThat(rescheduled.get("previousEnd").asString()).isEqualTo(berlin(monday, "11:00").toString());
        assertThat(rescheduled.get("changedBy").asString()).isEqualTo(client.id().toString());

        JsonNode cancelled = events.get(2);
        assertThat(cancelled.get("cancelledBy").asString()).isEqualTo(client.id().toString());
        assertThat(cancelled.get("booking").get("id").asString()).isEqualTo(id);
    }

    /** The records on the bookings topic about one booking, once {@code expected} have arrived. */
    List<ConsumerRecord<String, String>> recordsAbout(String bookingId, int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(WITHIN).until(() -> {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.value().contains(bookingId)) {
                    found.add(record);
                }
            }
            return found.size() >= expected;
        });
        // nothing more about it (the refused booking published nothing, the events are not duplicated)
        consumer.poll(Duration.ofSeconds(1)).forEach(record -> {
            if (record.value().contains(bookingId)) {
                found.add(record);
            }
        });
        assertThat(found).hasSize(expected);
        return found;
    }
}
