package io.bantam.relationship.relationship.domain;

import io.bantam.relationship.profile.domain.UserProfile;
import java.util.Objects;

/**
 * A relationship with its parties' current profiles, as either party sees it.
 *
 * @param client the client's profile; null only if the projection lost it (never expected)
 * @param freelancer the freelancer's profile; null while the projection has not learned it yet
 */
public record RelationshipView(Relationship relationship, UserProfile client, UserProfile freelancer) {

    public RelationshipView {
        Objects.requireNonNull(relationship, "relationship");
    }
}
