package io.bantam.events.relationships;

import io.bantam.events.Topics;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The freelancer ended a relationship: what exists stays, nothing new for the pair. Final for this relationship id; connecting again makes a new relationship. On {@value Topics#RELATIONSHIPS}, keyed by freelancer id. */
public record RelationshipEnded(UUID eventId, String type, Instant occurredAt, UUID relationshipId, UUID freelancerId,
        UUID clientId) implements RelationshipEvent {

    public static final String TYPE = "RelationshipEnded";

    public RelationshipEnded {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(relationshipId, "relationshipId");
        Objects.requireNonNull(freelancerId, "freelancerId");
        Objects.requireNonNull(clientId, "clientId");
        if (!TYPE.equals(type)) {
            throw new IllegalArgumentException("type must be " + TYPE);
        }
    }

    public static RelationshipEnded of(UUID relationshipId, UUID freelancerId, UUID clientId, Instant occurredAt) {
        return new RelationshipEnded(UUID.randomUUID(), TYPE, occurredAt, relationshipId, freelancerId, clientId);
    }
}
