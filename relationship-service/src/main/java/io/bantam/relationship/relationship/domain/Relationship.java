package io.bantam.relationship.relationship.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A freelancer's connection to a client account. It starts ACTIVE and may be ended once, by the freelancer;
 * an ended relationship stays as history and is never active again (connecting again makes a new one).
 */
public record Relationship(
        UUID id,
        UUID freelancerId,
        UUID clientId,
        RelationshipStatus status,
        Instant createdAt,
        Instant endedAt) {

    public Relationship {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(freelancerId, "freelancerId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (freelancerId.equals(clientId)) {
            throw new IllegalArgumentException("A relationship has two parties");
        }
        if ((status == RelationshipStatus.ENDED) != (endedAt != null)) {
            throw new IllegalArgumentException("An ended relationship, and only one, has an end");
        }
    }

    /** A new, active relationship. */
    public static Relationship connect(UUID id, UUID freelancerId, UUID clientId, Instant now) {
        return new Relationship(id, freelancerId, clientId, RelationshipStatus.ACTIVE, now, null);
    }

    public boolean isActive() {
        return status == RelationshipStatus.ACTIVE;
    }

    /** This relationship ended now; an ended one stays as it was (ending is final and happens once). */
    public Relationship end(Instant now) {
        if (!isActive()) {
            return this;
        }
        return new Relationship(id, freelancerId, clientId, RelationshipStatus.ENDED, createdAt,
                now.isBefore(createdAt) ? createdAt : now);
    }

    /** Whether the user is one of the two parties: only they may see it. */
    public boolean hasParty(UUID userId) {
        return freelancerId.equals(userId) || clientId.equals(userId);
    }

    /** Where it stands in the lists: newest first. */
    public RelationshipPosition position() {
        return new RelationshipPosition(createdAt, id);
    }
}
