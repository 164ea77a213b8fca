package io.bantam.relationship.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A relationship as a caller reads it off the wire. */
public record RelationshipJson(UUID id, UUID freelancerId, UUID clientId, String status, Client client,
        Freelancer freelancer, Instant createdAt, Instant endedAt) {

    public record Client(UUID id, String name, String email, String phone, String preferredName, String pronouns,
            String timeZone) {
    }

    public record Freelancer(UUID id, String name, String email) {
    }

    /** A page of the relationship list. */
    public record Page(List<RelationshipJson> items, String nextCursor) {
    }
}
