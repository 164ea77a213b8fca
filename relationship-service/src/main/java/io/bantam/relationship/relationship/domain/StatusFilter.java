package io.bantam.relationship.relationship.domain;

import java.util.Optional;

/** Which relationships a list shows: the active ones (the default), the ended ones, or all of them. */
public enum StatusFilter {
    ACTIVE,
    ENDED,
    ALL;

    /** The one status shown, or empty for all. */
    public Optional<RelationshipStatus> status() {
        return this == ALL ? Optional.empty() : Optional.of(RelationshipStatus.valueOf(name()));
    }
}
