package io.bantam.task.task;

import static io.bantam.task.support.TaskBody.patch;
import static io.bantam.task.support.TaskBody.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.task.support.TaskBody;
import io.bantam.task.support.TaskJson;
import io.bantam.task.support.TaskServiceTestBase;
import io.bantam.task.support.TestTokens;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Creating, reading, changing and deleting tasks over HTTP, on a real database. */
class TaskApiIT extends TaskServiceTestBase {

    @Autowired
    DatabaseClient db;

    @Test
    void aFreelancerCreatesReadsCompletesReopensAndDeletesATask() {
        TaskJson created = create(task("Send the invoice"));

        assertThat(created.id()).isNotNull();
        assertThat(created.freelancerId()).isEqualTo(freelancer);
        assertThat(created.title()).isEqualTo("Send the invoice");
        assertThat(created.description()).isEmpty();
        assertThat(created.priority()).isEqualTo("MEDIUM");
        assertThat(created.completed()).isFalse();
        assertThat(created.dueDate()).isNull();
        assertThat(created.clientId()).isNull();
        assertThat(created.updatedAt()).isEqualTo(created.createdAt());
        assertThat(read(created.id())).isEqualTo(created);

        TaskJson done = update(created.id(), patch().completed(true));
        assertThat(done.completed()).isTrue();
        assertThat(done.updatedAt()).isAfter(created.updatedAt());
        assertThat(done.title()).isEqualTo(created.title());

        TaskJson reopened = update(created.id(), patch().completed(false));
        assertThat(reopened.completed()).isFalse();
        assertThat(read(created.id())).isEqualTo(reopened);

        asFreelancer().delete().uri("/api/tasks/{id}", created.id()).exchange().expectStatus().isNoContent();
        asFreelancer().get().uri("/api/tasks/{id}", created.id()).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
        asFreelancer().delete().uri("/api/tasks/{id}", created.id()).exchange().expectStatus().isNotFound();
    }

    @Test
    void everyFieldCanBeGivenAtCreationAndChangedLater() {
        UUID client = connectedClient();
        TaskJson created = create(task("Prepare the quote").description("Two options: basic and full.")
                .priority("HIGH").due("2027-01-10").client(client));

        assertThat(created.description()).isEqualTo("Two options: basic and full.");
        assertThat(created.priority()).isEqualTo("HIGH");
        assertThat(created.dueDate()).isEqualTo("2027-01-10");
        assertThat(created.clientId()).isEqualTo(client);

        TaskJson changed = update(created.id(), patch().with("title", "Prepare the final quote")
                .description("One option.").priority("LOW").due("2027-02-01"));
        assertThat(changed.title()).isEqualTo("Prepare the final quote");
        assertThat(changed.description()).isEqualTo("One option.");
        assertThat(changed.priority()).isEqualTo("LOW");
        assertThat(changed.dueDate()).isEqualTo("2027-02-01");
        assertThat(changed.clientId()).isEqualTo(client);
        assertThat(changed.createdAt()).isEqualTo(created.createdAt());
    }

    @Test
    void unsetOptionalFieldsAreAnsweredAsExplicitNulls() {
        String body = asFreelancer().post().uri("/api/tasks").bodyValue(task("Tidy up").json()).exchange()
                .expectStatus().isCreated()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"clientId\":null").contains("\"dueDate\":null").contains("\"description\":\"\"");
    }

    @Test
    void aDueDateIsTheSameCalendarDayWhateverTheZonesOfTheServerAndTheDatabase() {
        // the build runs these tests at UTC+14 (see the pom), and the database session follows the JVM's zone
        assertThat(ZoneId.systemDefault().getRules().getOffset(Instant.now())).isNotEqualTo(ZoneOffset.UTC);
        String sessionZone = db.sql("SHOW TimeZone").map(row -> row.get(0, String.class)).one().block();
        assertThat(sessionZone).isNotIn("UTC", "Etc/UTC", "GMT");

        TaskJson created = create(task("File the tax return").due("2027-01-10"));

        assertThat(created.dueDate()).isEqualTo("2027-01-10");
        assertThat(read(created.id()).dueDate()).isEqualTo("2027-01-10");
        String stored = db.sql("SELECT due_date::text FROM task WHERE id = :id").bind("id", created.id())
                .map(row -> row.get(0, String.class)).one().block();
        assertThat(stored).isEqualTo("2027-01-10");
        asFreelancer().get().uri("/api/tasks?dueBefore=2027-01-11").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].dueDate").isEqualTo("2027-01-10");
        asFreelancer().get().uri("/api/tasks?dueBefore=2027-01-10").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items").isEmpty();

        assertThat(update(created.id(), patch().due("2027-03-28")).dueDate()).isEqualTo("2027-03-28");
        assertThat(update(created.id(), patch().due(null)).dueDate()).isNull();
    }

    @Test
    void aDueDateIsADateNotAnInstantAndHasFourDigitYears() {
        for (String notADate : new String[] {"2027-01-10T00:00:00Z", "2027-01-10T23:30:00-05:00", "2027-01-10T00:00",
                "10/01/2027", "2027-02-30", "+10000-01-01", ""}) {
            asFreelancer().post().uri("/api/tasks").bodyValue(task("x").due(notADate).json()).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("request.invalid")
                    .jsonPath("$.errors[0].field").isEqualTo("dueDate");
        }
    }

    @Test
    void titleAndDescriptionLengthsCountCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDCDE"; // 📞: one character, two UTF-16 units
        assertThat(create(task(emoji.repeat(200))).title()).isEqualTo(emoji.repeat(200));
        expectInvalid(task(emoji.repeat(201)), "title");
        expectInvalid(task("x".repeat(201)), "title");
        assertThat(create(task("x").description(emoji.repeat(5000))).description()).hasSize(10000);
        expectInvalid(task("x").description("y".repeat(5001)), "description");
    }

    @Test
    void aTitleIsRequiredAndNotBlankAndThePriorityIsOneOfThree() {
        expectInvalid(patch().priority("HIGH"), "title");
        expectInvalid(task(""), "title");
        expectInvalid(task("   "), "title");
        expectInvalid(task(null), "title");
        expectInvalid(task("x").priority("URGENT"), "priority");
    }

    @Test
    void anyUnicodeComesBackExactlyAsSentButNulAndLoneSurrogatesAreRefused() {
        String title = "Caf\u00e9 vs cafe\u0301 \u2014 Zo\u00eb \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \u05E9\u05DC\u05D5\u05DD";
        TaskJson created = create(task(title).description("line one\nline two\t\u00a0"));

        assertThat(read(created.id()).title()).isEqualTo(title);
        assertThat(read(created.id()).description()).isEqualTo("line one\nline two\t\u00a0");
        expectInvalid(task("before\u0000after"), "title");
        asFreelancer().post().uri("/api/tasks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": \"broken \\ud83d pair\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("title");
    }

    @Test
    void aPatchTellsAnAbsentMemberFromAnExplicitNull() {
        TaskJson created = create(task("Book the venue").description("Near the station").due("2027-05-01"));

        TaskJson unchanged = update(created.id(), patch());
        assertThat(unchanged).isEqualTo(created);

        TaskJson cleared = update(created.id(), patch().due(null).description(null));
        assertThat(cleared.dueDate()).isNull();
        assertThat(cleared.description()).isEmpty();
        assertThat(cleared.title()).isEqualTo("Book the venue");

        for (String member : new String[] {"title", "priority", "completed"}) {
            asFreelancer().patch().uri("/api/tasks/{id}", created.id()).bodyValue(patch().with(member, null).json())
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(member);
        }
        asFreelancer().patch().uri("/api/tasks/{id}", created.id()).bodyValue(patch().with("title", " ").json())
                .exchange().expectStatus().isBadRequest();
        asFreelancer().patch().uri("/api/tasks/{id}", created.id()).bodyValue(patch()
                        .with("completed", "maybe").json())
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("completed");
        asFreelancer().patch().uri("/api/tasks/{id}", created.id()).bodyValue(patch().due("2027-01-10T00:00:00Z").json())
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("dueDate");
        assertThat(read(created.id()).title()).isEqualTo("Book the venue");
    }

    @Test
    void aTaskIsAboutAConnectedClientOrNoneAndCanBeDetached() {
        UUID client = connectedClient();
        UUID stranger = UUID.randomUUID();

        asFreelancer().post().uri("/api/tasks").bodyValue(task("Call").client(stranger).json()).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("relationship.required");

        TaskJson general = create(task("Call"));
        asFreelancer().patch().uri("/api/tasks/{id}", general.id()).bodyValue(patch().client(stranger).json())
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("relationship.required");
        assertThat(read(general.id()).clientId()).isNull();

        TaskJson attached = update(general.id(), patch().client(client));
        assertThat(attached.clientId()).isEqualTo(client);
        TaskJson detached = update(general.id(), patch().client(null));
        assertThat(detached.clientId()).isNull();
        assertThat(read(general.id()).clientId()).isNull();
    }

    @Test
    void anotherFreelancersTaskIsNotFoundForReadingChangingOrDeleting() {
        TaskJson mine = create(task("Mine").due("2027-01-10"));
        WebTestClient other = as(TestTokens.freelancer(UUID.randomUUID()));

        other.get().uri("/api/tasks/{id}", mine.id()).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
        other.patch().uri("/api/tasks/{id}", mine.id()).bodyValue(patch().completed(true).json()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
        other.delete().uri("/api/tasks/{id}", mine.id()).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
        other.get().uri("/api/tasks").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items").isEmpty();

        assertThat(read(mine.id())).isEqualTo(mine);
    }

    @Test
    void aClientMayNotUseTasksAtAll() {
        TaskJson task = create(task("Private"));
        WebTestClient client = as(TestTokens.client(UUID.randomUUID()));

        client.post().uri("/api/tasks").bodyValue(task("x").json()).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("role.forbidden");
        client.post().uri("/api/tasks").bodyValue(task("").json()).exchange().expectStatus().isForbidden();
        client.get().uri("/api/tasks").exchange().expectStatus().isForbidden();
        client.get().uri("/api/tasks/{id}", task.id()).exchange().expectStatus().isForbidden();
        client.patch().uri("/api/tasks/{id}", task.id()).bodyValue(patch().completed(true).json()).exchange()
                .expectStatus().isForbidden();
        client.delete().uri("/api/tasks/{id}", task.id()).exchange().expectStatus().isForbidden();
        assertThat(read(task.id())).isEqualTo(task);
    }

    @Test
    void withoutATokenEverythingIs401AndAMalformedIdIs400() {
        web.get().uri("/api/tasks").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("auth.unauthenticated");
        asFreelancer().get().uri("/api/tasks/not-a-uuid").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.invalid");
        asFreelancer().get().uri("/api/tasks/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
    }

    private void expectInvalid(TaskBody body, String field) {
        asFreelancer().post().uri("/api/tasks").bodyValue(body.json()).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("request.invalid")
                .jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
    }
}
