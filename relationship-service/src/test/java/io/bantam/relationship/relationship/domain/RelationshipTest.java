package io.bantam.relationship.relationship.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RelationshipTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T09:00:00Z");

    private final UUID freelancer = UUID.randomUUID();
    private final UUID client = UUID.randomUUID();
    private final Relationship relationship = Relationship.connect(UUID.randomUUID(), freelancer, client, CREATED);

    @Test
    void aNewRelationshipIsActive() {
        assertThat(relationship.status()).isEqualTo(RelationshipStatus.ACTIVE);
        assertThat(relationship.isActive()).isTrue();
        assertThat(relationship.endedAt()).isNull();
        assertThat(relationship.createdAt()).isEqualTo(CREATED);
    }

    @Test
    void endingItKeepsItsHistory() {
        Instant later = CREATED.plusSeconds(3600);

        Relationship ended = relationship.end(later);

        assertThat(ended.status()).isEqualTo(RelationshipStatus.ENDED);
        assertThat(ended.isActive()).isFalse();
        assertThat(ended.endedAt()).isEqualTo(later);
        assertThat(ended).usingRecursiveComparison().ignoringFields("status", "endedAt").isEqualTo(relationship);
    }

    @Test
    void anEndedRelationshipEndsOnceAndForAll() {
        Relationship ended = relationship.end(CREATED.plusSeconds(60));

        assertThat(ended.end(CREATED.plusSeconds(120))).isSameAs(ended);
    }

    @Test
    void itNeverEndsBeforeItBegan() {
        assertThat(relationship.end(CREATED.minusSeconds(5)).endedAt()).isEqualTo(CREATED);
    }

    @Test
    void onlyItsTwoPartiesAreParties() {
        assertThat(relationship.hasParty(freelancer)).isTrue();
        assertThat(relationship.hasParty(client)).isTrue();
        assertThat(relationship.hasParty(UUID.randomUUID())).isFalse();
    }

    @Test
    void aUserCannotBeConnectedToItself() {
        assertThatThrownBy(() -> Relationship.connect(UUID.randomUUID(), freelancer, freelancer, CREATED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEndIsThereExactlyWhenItEnded() {
        assertThatThrownBy(() -> new Relationship(UUID.randomUUID(), freelancer, client, RelationshipStatus.ENDED,
                CREATED, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Relationship(UUID.randomUUID(), freelancer, client, RelationshipStatus.ACTIVE,
                CREATED, CREATED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itsPositionInTheListsIsItsCreationThenItsId() {
        assertThat(relationship.position()).isEqualTo(new RelationshipPosition(CREATED, relationship.id()));
    }

    @Test
    void aStatusFilterShowsOneStatusOrAll() {
        assertThat(StatusFilter.ACTIVE.status()).contains(RelationshipStatus.ACTIVE);
        assertThat(StatusFilter.ENDED.status()).contains(RelationshipStatus.ENDED);
        assertThat(StatusFilter.ALL.status()).isEmpty();
    }
}
