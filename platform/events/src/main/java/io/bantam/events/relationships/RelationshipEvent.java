package io.bantam.events.relationships;

import io.bantam.events.BantamEvent;
import io.bantam.events.Topics;
import java.util.UUID;

/**
 * The events on {@value Topics#RELATIONSHIPS}, keyed by freelancer id so that all of one freelancer's
 * relationship changes stay in order.
 */
public sealed interface RelationshipEvent extends BantamEvent permits RelationshipCreated, RelationshipEnded {

    UUID relationshipId();

    UUID freelancerId();

    UUID clientId();

    @Override
    default String topic() {
        return Topics.RELATIONSHIPS;
    }

    @Override
    default String key() {
        return freelancerId().toString();
    }
}
