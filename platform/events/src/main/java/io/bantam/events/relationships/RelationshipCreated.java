package io.bantam.events.relationships;

import io.bantam.events.Topics;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A freelancer connected to a client: from now on it may book, task and note about that client. On {@value Topics#RELATIONSHIPS}, keyed by freelancer id. */
public record RelationshipCreated(UUID eventId, String type, Instant occurredAt, UUID relationshipId, UUID freelancerId,
        UUID clientId) implements RelationshipEvent {

    public static final String TYPE = "RelationshipCreated";

    public RelationshipCreated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(relationshipId, "relationshipId");
        Objects.requireNonNull(freelancerId, "freelancerId");
        Objects.requireNonNull(clientId, "clientId");
        if (!TYPE.equals(type)) {
            throw new IllegalArgumentException("type must be " + TYPE);
        }
    }

    public static RelationshipCreated of(UUID relationshipId, UUID freelancerId, UUID clientId, Instant occurredAt) {
        return new RelationshipCreated(UUID.randomUUID(), TYPE, occurredAt, relationshipId, freelancerId, clientId);
    }
}
