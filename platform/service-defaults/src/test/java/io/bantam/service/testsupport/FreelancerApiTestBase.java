package io.bantam.service.testsupport;

import io.bantam.events.relationships.RelationshipEvent;
import io.bantam.service.relationship.RelationshipProjection;
import io.bantam.testing.TestTokens;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the API tests of a service that keeps a freelancer's data about its clients (task-, notes-service) share:
 * a new calling freelancer per test, its clients connected through real relationship events on Kafka
 * ({@link RelationshipEvents}), and clients acting with its token. The subclass carries the service's
 * {@code @SpringBootTest} (a random port, a group id of its own for the projection),
 * {@code @AutoConfigureWebTestClient}, {@code @Import({TestSecurity.class, RelationshipEvents.class})},
 * {@code @WithPostgres} and {@code @WithKafka}.
 */
public abstract class FreelancerApiTestBase {

    protected static final Duration WITHIN = Duration.ofSeconds(20);

    @Autowired
    protected WebTestClient web;
    @Autowired
    protected RelationshipProjection projection;
    @Autowired
    protected RelationshipEvents relationships;

    /** The calling freelancer of most tests: a new one per test, so tests do not see each other's data. */
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
}
