package io.bantam.relationship.relationship.web;

import io.bantam.relationship.profile.domain.UserProfile;
import io.bantam.relationship.relationship.domain.Relationship;
import io.bantam.relationship.relationship.domain.RelationshipStatus;
import io.bantam.relationship.relationship.domain.RelationshipView;
import java.time.Instant;
import java.util.UUID;

/**
 * The contract's {@code Relationship}: the parties' profiles as they are now. Every member is present; a profile
 * field this service does not know (yet) is {@code null}.
 */
record RelationshipResponse(
        UUID id,
        UUID freelancerId,
        UUID clientId,
        RelationshipStatus status,
        Client client,
        Freelancer freelancer,
        Instant createdAt,
        Instant endedAt) {

    static RelationshipResponse of(RelationshipView view) {
        Relationship relationship = view.relationship();
        return new RelationshipResponse(relationship.id(), relationship.freelancerId(), relationship.clientId(),
                relationship.status(), Client.of(relationship.clientId(), view.client()),
                Freelancer.of(relationship.freelancerId(), view.freelancer()), relationship.createdAt(),
                relationship.endedAt());
    }

    record Client(UUID id, String name, String email, String phone, String preferredName, String pronouns,
            String timeZone) {

        static Client of(UUID id, UserProfile profile) {
            if (profile == null) {
                return new Client(id, null, null, null, null, null, null);
            }
            return new Client(id, profile.name(), profile.email(), profile.phone(), profile.preferredName(),
                    profile.pronouns(), profile.timeZone());
        }
    }

    record Freelancer(UUID id, String name, String email) {

        static Freelancer of(UUID id, UserProfile profile) {
            return profile == null ? new Freelancer(id, null, null)
                    : new Freelancer(id, profile.name(), profile.email());
        }
    }
}
