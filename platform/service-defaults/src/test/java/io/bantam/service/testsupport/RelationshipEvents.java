package io.bantam.service.testsupport;

import static org.awaitility.Awaitility.await;

import io.bantam.events.relationships.RelationshipCreated;
import io.bantam.events.relationships.RelationshipEnded;
import io.bantam.events.relationships.RelationshipEvent;
import io.bantam.service.relationship.RelationshipProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * For the tests of a service that keeps the relationship projection: publishes relationship events on the real
 * broker, as relationship-service would, and waits until this service has applied them. Import it
 * ({@code @Import(RelationshipEvents.class)}) and autowire it. Shipped in service-defaults' test jar.
 */
public class RelationshipEvents {

    /** How long a published event may take to be applied before a test gives up. */
    public static final Duration WITHIN = Duration.ofSeconds(20);

    private final KafkaTemplate<Object, Object> kafka;
    private final JsonMapper json;
    private final RelationshipProjection projection;

    public RelationshipEvents(KafkaTemplate<Object, Object> kafka, JsonMapper json, RelationshipProjection projection) {
        this.kafka = kafka;
        this.json = json;
        this.projection = projection;
    }

    /** Publishes an event as relationship-service does (JSON value, keyed by freelancer id); does not wait. */
    public void publish(RelationshipEvent event) {
        kafka.send(event.topic(), event.key(), json.writeValueAsString(event)).join();
    }

    /** Connects the pair through a new relationship and waits until it is active here; returns its id. */
    public UUID connect(UUID freelancer, UUID client) {
        UUID relationship = UUID.randomUUID();
        connect(relationship, freelancer, client);
        return relationship;
    }

    /** Publishes the creation of the given relationship and waits until the pair is active here. */
    public void connect(UUID relationship, UUID freelancer, UUID client) {
        publish(RelationshipCreated.of(relationship, freelancer, client, Instant.now()));
        await().atMost(WITHIN).until(() -> projection.isActive(freelancer, client).block());
    }

    /** Publishes the end of the given relationship and waits until the pair is no longer active here. */
    public void end(UUID relationship, UUID freelancer, UUID client) {
        publish(RelationshipEnded.of(relationship, freelancer, client, Instant.now()));
        await().atMost(WITHIN).until(() -> !projection.isActive(freelancer, client).block());
    }

    /**
     * Waits until every event published before for this freelancer has been applied: events of one freelancer
     * share a partition, so once a fresh connection is active, everything before it is too.
     */
    public void awaitEarlierEvents(UUID freelancer) {
        connect(freelancer, UUID.randomUUID());
    }
}
