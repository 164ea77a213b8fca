package io.bantam.relationship.relationship.persistence;

import io.bantam.relationship.relationship.domain.Relationship;
import io.bantam.relationship.relationship.domain.RelationshipStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code relationship}. Never leaves this package: the rest of the service sees {@link Relationship}. */
record RelationshipRow(UUID id, UUID freelancerId, UUID clientId, String status, Instant createdAt, Instant endedAt) {

    static final String COLUMNS = "id, freelancer_id, client_id, status, created_at, ended_at";

    static RelationshipRow of(Relationship relationship) {
        return new RelationshipRow(relationship.id(), relationship.freelancerId(), relationship.clientId(),
                relationship.status().name(), relationship.createdAt(), relationship.endedAt());
    }

    static RelationshipRow read(Readable row) {
        return new RelationshipRow(row.get("id", UUID.class), row.get("freelancer_id", UUID.class),
                row.get("client_id", UUID.class), row.get("status", String.class),
                row.get("created_at", Instant.class), row.get("ended_at", Instant.class));
    }

    Relationship toRelationship() {
        return new Relationship(id, freelancerId, clientId, RelationshipStatus.valueOf(status), createdAt, endedAt);
    }
}
