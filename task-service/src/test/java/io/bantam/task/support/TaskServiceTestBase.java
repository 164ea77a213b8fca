package io.bantam.task.support;

import io.bantam.events.relationships.RelationshipEvent;
import io.bantam.service.relationship.RelationshipProjection;
import io.bantam.service.testsupport.RelationshipEvents;
import io.bantam.service.testsupport.TestSecurity;
import io.bantam.testing.TestTokens;
import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * task-service on a real PostgreSQL (a database of its own per test class) and a real Kafka broker, called over
 * HTTP with signed tokens. Each test class consumes the relationships topic in a consumer group of its own.
 * The JVM runs at UTC+14 (see the pom) and the database sessions at UTC-11: a date that went through an instant
 * anywhere would land on another day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bantam.relationships.projection.group-id=task-service-test-${random.uuid}",
        "spring.r2dbc.properties.timeZone=" + TaskServiceTestBase.DATABASE_SESSION_ZONE})
@AutoConfigureWebTestClient
@Import({TestSecurity.class, RelationshipEvents.class})
@WithPostgres
@WithKafka
public abstract class TaskServiceTestBase {

    protected static final Duration WITHIN = Duration.ofSeconds(20);
    protected static final String DATABASE_SESSION_ZONE = "Pacific/Pago_Pago";

    @Autowired
    protected WebTestClient web;
    @Autowired
    protected RelationshipProjection projection;
    @Autowired
    protected RelationshipEvents relationships;

    /** The calling freelancer of most tests: a new one per test, so tests do not see each other's tasks. */
    protected final UUID freelancer = UUID.randomUUID();

    /** A client connected to {@link #freelancer} through a new relationship; waits until the projection has it. */
    protected UUID connectedClient() {
        UUID client = UUID.randomUUID();
        relationships.connect(freelancer, client);
        return client;
    }

    protected void connect(UUID relationshipId, UUID client) {
        relationships.connect(relationshipId, freelancer, client);
    }

    protected void end(UUID relationshipId, UUID client) {
        relationships.end(relationshipId, freelancer, client);
    }

    protected void publish(RelationshipEvent event) {
        relationships.publish(event);
    }

    /** Waits until everything published before for {@link #freelancer} has been applied. */
    protected void awaitEarlierEvents() {
        relationships.awaitEarlierEvents(freelancer);
    }

    protected WebTestClient as(String token) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    protected WebTestClient asFreelancer() {
        return as(TestTokens.freelancer(freelancer));
    }

    protected TaskJson create(TaskBody body) {
        return asFreelancer().post().uri("/api/tasks").bodyValue(body.json()).exchange()
                .expectStatus().isCreated()
                .expectBody(TaskJson.class).returnResult().getResponseBody();
    }

    protected TaskJson read(UUID id) {
        return asFreelancer().get().uri("/api/tasks/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(TaskJson.class).returnResult().getResponseBody();
    }

    protected TaskJson update(UUID id, TaskBody body) {
        return asFreelancer().patch().uri("/api/tasks/{id}", id).bodyValue(body.json()).exchange()
                .expectStatus().isOk()
                .expectBody(TaskJson.class).returnResult().getResponseBody();
    }
}
