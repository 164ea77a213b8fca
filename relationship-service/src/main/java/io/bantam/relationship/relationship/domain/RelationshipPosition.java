package io.bantam.relationship.relationship.domain;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A relationship's place in the lists: newest first ({@code createdAt} descending), ties broken by id descending.
 * A page starts strictly after the position of the previous page's last item.
 */
public record RelationshipPosition(Instant createdAt, UUID id) {

    public RelationshipPosition {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    public List<String> toParts() {
        return List.of(createdAt.toString(), id.toString());
    }

    /** @throws IllegalArgumentException when the parts are not a position */
    public static RelationshipPosition fromParts(List<String> parts) {
        if (parts.size() != 2 || parts.get(0) == null || parts.get(1) == null) {
            throw new IllegalArgumentException("A position has a creation time and an id");
        }
        try {
            return new RelationshipPosition(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a creation time: " + parts.get(0), e);
        }
    }
}
