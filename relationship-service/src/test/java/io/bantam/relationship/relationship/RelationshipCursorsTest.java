package io.bantam.relationship.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bantam.relationship.relationship.domain.Relationship;
import io.bantam.relationship.relationship.domain.RelationshipView;
import io.bantam.service.paging.Cursors;
import io.bantam.service.problem.ApiException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RelationshipCursorsTest {

    private final Relationship relationship = Relationship.connect(UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), Instant.parse("2026-12-01T09:00:00.123Z"));

    @Test
    void aCursorHoldsThePositionOfAPagesLastRelationship() {
        String cursor = RelationshipCursors.of(new RelationshipView(relationship, null, null));

        assertThat(RelationshipCursors.parse(cursor)).isEqualTo(relationship.position());
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertThat(RelationshipCursors.parse(null)).isNull();
        assertThat(RelationshipCursors.parse("")).isNull();
    }

    @Test
    void anythingElseIsAnInvalidCursor() {
        for (String cursor : new String[] {"not-a-cursor", "%%%", Cursors.encode("2026-12-01T09:00:00Z"),
                Cursors.encode("yesterday", UUID.randomUUID().toString()),
                Cursors.encode("2026-12-01T09:00:00Z", "not-a-uuid"), Cursors.encode(null, null)}) {
            assertThatThrownBy(() -> RelationshipCursors.parse(cursor))
                    .isInstanceOfSatisfying(ApiException.class, problem -> {
                        assertThat(problem.code()).isEqualTo("request.invalid");
                        assertThat(problem.errors()).extracting(ApiException.FieldError::field).containsExactly("cursor");
                    });
        }
    }
}
