package io.bantam.relationship.relationship.domain;

public enum RelationshipStatus {
    ACTIVE,
    ENDED
}
