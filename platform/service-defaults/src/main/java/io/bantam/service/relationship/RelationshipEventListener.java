package io.bantam.service.relationship;

import io.bantam.events.BantamEvent;
import io.bantam.events.EventTypes;
import io.bantam.events.Topics;
import io.bantam.events.relationships.RelationshipEvent;
import io.bantam.service.kafka.UnreadableEventException;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds the {@link RelationshipProjection} from {@code bantam.relationships.v1}. A record that can never be
 * applied goes to the dead-letter topic at once; a failure to write (database down) is retried with backoff
 * and then dead-lettered, so one record never stops the consumer.
 */
public class RelationshipEventListener {

    private static final Logger log = LoggerFactory.getLogger(RelationshipEventListener.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final RelationshipProjection projection;
    private final JsonMapper json;

    public RelationshipEventListener(RelationshipProjection projection, JsonMapper json) {
        this.projection = projection;
        this.json = json;
    }

    @KafkaListener(id = "${spring.application.name:service}-relationships", topics = Topics.RELATIONSHIPS,
            groupId = "${bantam.relationships.projection.group-id:${spring.application.name}}")
    public void on(ConsumerRecord<String, String> record) {
        RelationshipEvent event = read(record.value());
        projection.apply(event).block(WRITE_TIMEOUT);
        log.debug("Applied {} {} for relationship {}", event.type(), event.eventId(), event.relationshipId());
    }

    RelationshipEvent read(String value) {
        if (value == null) {
            throw new UnreadableEventException("A relationship event without a value", null);
        }
        try {
            JsonNode tree = json.readTree(value);
            JsonNode type = tree.get("type");
            Class<? extends BantamEvent> recordType = EventTypes.recordFor(type == null ? null : type.asString())
                    .filter(RelationshipEvent.class::isAssignableFrom)
                    .orElseThrow(() -> new UnreadableEventException("Not a relationship event type: " + type, null));
            return (RelationshipEvent) json.readerFor(recordType)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(tree);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("An unreadable relationship event", e);
        }
    }
}
