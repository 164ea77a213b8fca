package io.bantam.task.task;

import static io.bantam.task.support.TaskBody.patch;
import static io.bantam.task.support.TaskBody.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.events.relationships.RelationshipCreated;
import io.bantam.events.relationships.RelationshipEnded;
import io.bantam.task.support.TaskJson;
import io.bantam.task.support.TaskServiceTestBase;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tasks follow the relationships this service learns from {@code bantam.relationships.v1} through a real broker:
 * created, ended, duplicated and reordered events.
 */
class TaskRelationshipIT extends TaskServiceTestBase {

    private final UUID client = UUID.randomUUID();
    private final UUID relationship = UUID.randomUUID();

    @Test
    void onceTheRelationshipIsCreatedTasksAboutTheClientAreAccepted() {
        expectRefused();

        connect(relationship, client);

        assertThat(create(task("Kick-off call").client(client)).clientId()).isEqualTo(client);
    }

    @Test
    void whenTheRelationshipEndsExistingTasksStayButNewOnesAreRefused() {
        connect(relationship, client);
        TaskJson existing = create(task("Send the final invoice").client(client).due("2027-01-10"));

        end(relationship, client);

        expectRefused();
        assertThat(read(existing.id()).clientId()).isEqualTo(client);
        asFreelancer().get().uri("/api/tasks?clientId={client}", client).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].id").isEqualTo(existing.id().toString());
        TaskJson done = update(existing.id(), patch().completed(true).with("title", "Sent the final invoice")
                .client(client));
        assertThat(done.completed()).isTrue();
        assertThat(done.clientId()).isEqualTo(client);

        TaskJson general = create(task("Something else"));
        asFreelancer().patch().uri("/api/tasks/{id}", general.id()).bodyValue(patch().client(client).json())
                .exchange().expectStatus().isEqualTo(422);
        assertThat(update(existing.id(), patch().client(null)).clientId()).isNull();
        asFreelancer().patch().uri("/api/tasks/{id}", existing.id()).bodyValue(patch().client(client).json())
                .exchange().expectStatus().isEqualTo(422);
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
    void connectingAgainAfterAnEndAcceptsNewTasksAgain() {
        connect(relationship, client);
        end(relationship, client);
        expectRefused();

        connect(UUID.randomUUID(), client);

        assertThat(create(task("Welcome back").client(client)).clientId()).isEqualTo(client);
    }

    @Test
    void aRelationshipOfAnotherFreelancerWithTheSameClientDoesNotCount() {
        UUID otherFreelancer = UUID.randomUUID();
        publish(RelationshipCreated.of(relationship, otherFreelancer, client, Instant.now()));
        await().atMost(WITHIN).until(() -> projection.isActive(otherFreelancer, client).block());

        expectRefused();
    }

    private void expectRefused() {
        asFreelancer().post().uri("/api/tasks").bodyValue(task("About the client").client(client).json()).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("relationship.required");
    }
}
