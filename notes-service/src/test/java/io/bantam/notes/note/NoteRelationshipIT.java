package io.bantam.notes.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.events.relationships.RelationshipCreated;
import io.bantam.events.relationships.RelationshipEnded;
import io.bantam.notes.support.NoteJson;
import io.bantam.notes.support.NotesServiceTestBase;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Notes follow the relationships this service learns from {@code bantam.relationships.v1} through a real broker:
 * created, ended, duplicated and reordered events.
 */
class NoteRelationshipIT extends NotesServiceTestBase {

    private final UUID client = UUID.randomUUID();
    private final UUID relationship = UUID.randomUUID();

    @Test
    void onceTheRelationshipIsCreatedNotesAboutTheClientAreAccepted() {
        expectRefused();

        connect(relationship, client);

        assertThat(create(client, "First meeting went well").clientId()).isEqualTo(client);
    }

    @Test
    void whenTheRelationshipEndsExistingNotesStayReadableEditableAndSearchableButNewOnesAreRefused() {
        connect(relationship, client);
        NoteJson note = create(client, "Pays invoices late");

        end(relationship, client);

        expectRefused();
        assertThat(read(note.id())).isEqualTo(note);
        assertThat(all(Map.of("clientId", client))).containsExactly(note);
        assertThat(search("invoice")).containsExactly("Pays invoices late");
        assertThat(edit(note.id(), "Paid invoices late; relationship ended").text())
                .isEqualTo("Paid invoices late; relationship ended");
        asFreelancer().delete().uri("/api/notes/{id}", note.id()).exchange().expectStatus().isNoContent();
    }

    @Test
    void duplicatedEventsChangeNothing() {
        RelationshipCreated created = RelationshipCreated.of(relationship, freelancer, client, Instant.now());
        RelationshipEnded ended = RelationshipEnded.of(relationship, freelancer, client, Instant.now());
        publish(created);
        publish(created);
        publish(ended);
        publish(created);
        publish(ended);
        awaitEarlierEvents();

        expectRefused();
    }

    @Test
    void anEndThatArrivesBeforeItsCreationStillEndsTheRelationship() {
        Instant now = Instant.now();
        publish(RelationshipEnded.of(relationship, freelancer, client, now.plusSeconds(60)));
        publish(RelationshipCreated.of(relationship, freelancer, client, now));
        awaitEarlierEvents();

        expectRefused();
    }

    @Test
    void connectingAgainAfterAnEndAcceptsNewNotesAgain() {
        connect(relationship, client);
        end(relationship, client);
        expectRefused();

        connect(UUID.randomUUID(), client);

        assertThat(create(client, "Back again").clientId()).isEqualTo(client);
    }

    @Test
    void aRelationshipOfAnotherFreelancerWithTheSameClientDoesNotCount() {
        UUID otherFreelancer = UUID.randomUUID();
        publish(RelationshipCreated.of(relationship, otherFreelancer, client, Instant.now()));
        await().atMost(WITHIN).until(() -> projection.isActive(otherFreelancer, client).block());

        expectRefused();
    }

    private void expectRefused() {
        asFreelancer().post().uri("/api/notes").bodyValue(Map.of("clientId", client, "text", "New note")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("relationship.required");
    }
}
