package io.bantam.task.task;

import static io.bantam.task.support.TaskBody.patch;
import static io.bantam.task.support.TaskBody.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.service.testsupport.ApiDocuments;
import io.bantam.task.support.TaskBody;
import io.bantam.task.support.TaskJson;
import io.bantam.task.support.TaskServiceTestBase;
import io.bantam.testing.TestTokens;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
        // the JVM runs at UTC+14 (see the pom), the database sessions at UTC-11: 25 hours apart
        assertThat(ZoneId.systemDefault().getRules().getOffset(Instant.now())).isEqualTo(ZoneOffset.ofHours(14));
        String sessionZone = db.sql("SHOW TimeZone").map(row -> row.get(0, String.class)).one().block();
        assertThat(sessionZone).isEqualTo(DATABASE_SESSION_ZONE);

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
        // unknown members are refused (service-defaults), and a new task is always open
        expectInvalid(task("x").with("completed", true), "completed");
        expectInvalid(task("x").with("colour", "red"), "colour");
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
    void concurrentPatchesOfDifferentFieldsAllTakeEffect() throws Exception {
        for (int round = 0; round < 5; round++) {
            TaskJson task = create(task("Round " + round));
            List<TaskBody> patches = List.of(patch().with("title", "Renamed " + round), patch().description("Done"),
                    patch().priority("HIGH"), patch().due("2027-01-10"), patch().completed(true));
            ExecutorService pool = Executors.newFixedThreadPool(patches.size());
            try {
                List<Future<TaskJson>> results = new ArrayList<>();
                for (TaskBody body : patches) {
                    results.add(pool.submit(() -> update(task.id(), body)));
                }
                for (Future<TaskJson> result : results) {
                    result.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            TaskJson last = read(task.id());
            assertThat(last.title()).isEqualTo("Renamed " + round);
            assertThat(last.description()).isEqualTo("Done");
            assertThat(last.priority()).isEqualTo("HIGH");
            assertThat(last.dueDate()).isEqualTo("2027-01-10");
            assertThat(last.completed()).isTrue();
        }
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

    @Test
    void theApiDocumentDescribesExactlyTheTasksApi() {
        ApiDocuments documents = ApiDocuments.of(web).describesExactly(Set.of("POST /api/tasks", "GET /api/tasks",
                "GET /api/tasks/{id}", "PATCH /api/tasks/{id}", "DELETE /api/tasks/{id}", "GET /api/tasks/settings",
                "PUT /api/tasks/settings"), Set.of());
        for (String operation : documents.operations()) {
            assertThat(documents.describes(operation, 403)).as(operation).contains("role.forbidden");
        }
        assertThat(documents.describes("POST /api/tasks", 422)).contains("relationship.required");
        assertThat(documents.describes("PATCH /api/tasks/{id}", 422)).contains("relationship.required");
        assertThat(documents.document().at("/components/schemas/PatchTaskRequest/properties").propertyNames())
                .containsExactlyInAnyOrder("title", "description", "priority", "dueDate", "clientId", "completed");
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
