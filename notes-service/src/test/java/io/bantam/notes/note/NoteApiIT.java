package io.bantam.notes.note;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.notes.support.NoteJson;
import io.bantam.notes.support.NotesServiceTestBase;
import io.bantam.service.testsupport.ApiDocuments;
import io.bantam.testing.TestTokens;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Writing, reading, editing and deleting notes over HTTP, on a real database. */
class NoteApiIT extends NotesServiceTestBase {

    @Autowired
    DatabaseClient db;

    @Test
    void aFreelancerWritesReadsEditsAndDeletesANoteAboutAClient() {
        UUID client = connectedClient();

        NoteJson created = create(client, "Prefers calls in the morning.");

        assertThat(created.id()).isNotNull();
        assertThat(created.freelancerId()).isEqualTo(freelancer);
        assertThat(created.clientId()).isEqualTo(client);
        assertThat(created.text()).isEqualTo("Prefers calls in the morning.");
        assertThat(created.updatedAt()).isEqualTo(created.createdAt());
        assertThat(read(created.id())).isEqualTo(created);

        NoteJson edited = edit(created.id(), "Prefers calls in the afternoon.");
        assertThat(edited.text()).isEqualTo("Prefers calls in the afternoon.");
        assertThat(edited.createdAt()).isEqualTo(created.createdAt());
        assertThat(edited.updatedAt()).isAfter(created.updatedAt());
        assertThat(read(created.id())).isEqualTo(edited);
        assertThat(edit(created.id(), "Prefers calls in the afternoon.")).isEqualTo(edited);

        asFreelancer().delete().uri("/api/notes/{id}", created.id()).exchange().expectStatus().isNoContent();
        asFreelancer().get().uri("/api/notes/{id}", created.id()).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
        asFreelancer().delete().uri("/api/notes/{id}", created.id()).exchange().expectStatus().isNotFound();
        asFreelancer().patch().uri("/api/notes/{id}", created.id()).bodyValue(Map.of("text", "x")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void anyUnicodeIsStoredAndReturnedExactlyAsSent() {
        UUID client = connectedClient();
        String text = String.join("\n",
                "Emoji: \uD83D\uDCDE \uD83D\uDC4D\uD83C\uDFFD \uD83D\uDC69\u200D\uD83D\uDCBB \uD83C\uDDE9\uD83C\uDDEA",
                "Composed \u00e9 and decomposed e\u0301, Zalgo: Z\u0351\u036b\u0343a\u0310\u0344l\u0352g\u034co",
                "Right to left: \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627, CJK: \u4F60\u597D \u3053\u3093\u306B\u3061\u306F",
                "Astral: \uD835\uDD18\uD835\uDD2B\uD835\uDD26 \uD800\uDF00, controls:\t\u00a0\u200B\uFEFF end  ",
                "  leading and trailing spaces, \"quotes\" and \\ backslashes  ");

        NoteJson created = create(client, text);

        assertThat(created.text()).isEqualTo(text);
        assertThat(read(created.id()).text()).isEqualTo(text);
        // what the database holds is the same text, not a normalised or re-encoded one
        String stored = db.sql("SELECT text FROM note WHERE id = :id").bind("id", created.id())
                .map(row -> row.get(0, String.class)).one().block();
        assertThat(stored).isEqualTo(text);
        String emoji = "\uD83D\uDE00";
        assertThat(edit(created.id(), emoji).text()).isEqualTo(emoji);
    }

    @Test
    void theTextIsOneToTenThousandCharactersCountedAsCodePoints() {
        UUID client = connectedClient();
        String emoji = "\uD83D\uDE00";

        assertThat(create(client, emoji.repeat(10_000)).text()).isEqualTo(emoji.repeat(10_000));
        assertThat(create(client, "x".repeat(10_000)).text()).hasSize(10_000);
        assertThat(create(client, "x").text()).isEqualTo("x");
        expectInvalid(client, emoji.repeat(10_001), "text");
        expectInvalid(client, "x".repeat(10_001), "text");
        expectInvalid(client, "", "text");
        expectInvalid(client, "  \n ", "text");
        expectInvalid(client, "nul\u0000inside", "text");
        Map<String, Object> noText = new HashMap<>();
        noText.put("clientId", client);
        noText.put("text", null);
        asFreelancer().post().uri("/api/notes").bodyValue(noText).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("text");
        asFreelancer().post().uri("/api/notes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"clientId\": \"" + client + "\", \"text\": \"lone \\ud83d surrogate\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("text");
        asFreelancer().post().uri("/api/notes").bodyValue(Map.of("clientId", client, "text", "x", "title", "y"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("title");
        asFreelancer().post().uri("/api/notes").bodyValue(Map.of("text", "no client")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("clientId");

        NoteJson note = create(client, "short");
        asFreelancer().patch().uri("/api/notes/{id}", note.id()).bodyValue(Map.of("text", "y".repeat(10_001)))
                .exchange().expectStatus().isBadRequest();
        asFreelancer().patch().uri("/api/notes/{id}", note.id()).bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("text");
        assertThat(read(note.id()).text()).isEqualTo("short");
    }

    @Test
    void aNoteIsOnlyForAnActivelyConnectedClient() {
        asFreelancer().post().uri("/api/notes").bodyValue(Map.of("clientId", UUID.randomUUID(), "text", "Hello"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("relationship.required");
    }

    @Test
    void anotherFreelancersNoteIsNotFoundForReadingEditingOrDeletingAndNeverListed() {
        UUID client = connectedClient();
        NoteJson mine = create(client, "Allergic to cats");
        WebTestClient other = as(TestTokens.freelancer(UUID.randomUUID()));

        other.get().uri("/api/notes/{id}", mine.id()).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
        other.patch().uri("/api/notes/{id}", mine.id()).bodyValue(Map.of("text", "Loves cats")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
        other.delete().uri("/api/notes/{id}", mine.id()).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
        other.get().uri("/api/notes?clientId={client}", client).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items").isEmpty();
        other.get().uri("/api/notes?q=cats").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items").isEmpty();

        assertThat(read(mine.id())).isEqualTo(mine);
    }

    @Test
    void aClientNeverReadsNorWritesNotes() {
        UUID client = connectedClient();
        NoteJson note = create(client, "Private memory");
        WebTestClient asClient = as(TestTokens.client(client));

        asClient.post().uri("/api/notes").bodyValue(Map.of("clientId", client, "text", "x")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("role.forbidden");
        asClient.post().uri("/api/notes").bodyValue(Map.of("text", "")).exchange().expectStatus().isForbidden();
        asClient.get().uri("/api/notes").exchange().expectStatus().isForbidden();
        asClient.get().uri("/api/notes?clientId={client}", client).exchange().expectStatus().isForbidden();
        asClient.get().uri("/api/notes/{id}", note.id()).exchange().expectStatus().isForbidden();
        asClient.patch().uri("/api/notes/{id}", note.id()).bodyValue(Map.of("text", "x")).exchange()
                .expectStatus().isForbidden();
        asClient.delete().uri("/api/notes/{id}", note.id()).exchange().expectStatus().isForbidden();
        assertThat(read(note.id())).isEqualTo(note);
    }

    @Test
    void withoutATokenEverythingIs401AndAMalformedIdIs400() {
        web.get().uri("/api/notes").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("auth.unauthenticated");
        asFreelancer().get().uri("/api/notes/not-a-uuid").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.invalid");
    }

    private void expectInvalid(UUID client, String text, String field) {
        asFreelancer().post().uri("/api/notes").bodyValue(Map.of("clientId", client, "text", text)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("request.invalid")
                .jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
    }

    @Test
    void theApiDocumentDescribesExactlyTheNotesApi() {
        ApiDocuments documents = ApiDocuments.of(web).describesExactly(Set.of("POST /api/notes", "GET /api/notes",
                "GET /api/notes/{id}", "PATCH /api/notes/{id}", "DELETE /api/notes/{id}"), Set.of());

        for (String operation : documents.operations()) {
            assertThat(documents.describes(operation, 403)).as(operation).contains("role.forbidden");
        }
        assertThat(documents.describes("POST /api/notes", 422)).contains("relationship.required");
        assertThat(documents.document().at("/paths/~1api~1notes/get/parameters").toString())
                .contains("\"clientId\"", "\"q\"", "\"limit\"", "\"cursor\"", "\"maximum\":500");
    }
}
