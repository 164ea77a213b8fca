package io.bantam.notes.support;

import io.bantam.service.testsupport.FreelancerApiTestBase;
import io.bantam.service.testsupport.RelationshipEvents;
import io.bantam.service.testsupport.TestSecurity;
import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * notes-service on a real PostgreSQL (a database of its own per test class) and a real Kafka broker, called over
 * HTTP with signed tokens. Each test class consumes the relationships topic in a consumer group of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bantam.relationships.projection.group-id=notes-service-test-${random.uuid}")
@AutoConfigureWebTestClient
@Import({TestSecurity.class, RelationshipEvents.class})
@WithPostgres
@WithKafka
public abstract class NotesServiceTestBase extends FreelancerApiTestBase {

    protected NoteJson create(UUID client, String text) {
        return asFreelancer().post().uri("/api/notes").bodyValue(Map.of("clientId", client, "text", text)).exchange()
                .expectStatus().isCreated()
                .expectBody(NoteJson.class).returnResult().getResponseBody();
    }

    protected NoteJson read(UUID id) {
        return asFreelancer().get().uri("/api/notes/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(NoteJson.class).returnResult().getResponseBody();
    }

    protected NoteJson edit(UUID id, String text) {
        return asFreelancer().patch().uri("/api/notes/{id}", id).bodyValue(Map.of("text", text)).exchange()
                .expectStatus().isOk()
                .expectBody(NoteJson.class).returnResult().getResponseBody();
    }

    /**
     * One page of {@code GET /api/notes} with these query parameters (values encoded strictly, so a search may
     * hold spaces, quotes, '+' or '&').
     */
    protected NoteJson.Page page(Map<String, ?> query) {
        return asFreelancer().get().uri(builder -> {
                    builder.path("/api/notes");
                    query.keySet().forEach(name -> builder.queryParam(name, "{" + name + "}"));
                    return builder.build(query);
                }).exchange()
                .expectStatus().isOk()
                .expectBody(NoteJson.Page.class).returnResult().getResponseBody();
    }

    /** Every note a list gives, following the cursor with small pages. */
    protected List<NoteJson> all(Map<String, ?> query) {
        List<NoteJson> items = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> pageQuery = new LinkedHashMap<>(query);
            pageQuery.put("limit", 3);
            if (cursor != null) {
                pageQuery.put("cursor", cursor);
            }
            NoteJson.Page page = page(pageQuery);
            items.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return items;
    }

    /** The texts of every note a search finds. */
    protected List<String> search(String q) {
        return all(Map.of("q", q)).stream().map(NoteJson::text).toList();
    }
}
