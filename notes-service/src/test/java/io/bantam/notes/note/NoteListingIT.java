package io.bantam.notes.note;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.notes.support.NoteJson;
import io.bantam.notes.support.NotesServiceTestBase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** The note list and full-text search on a real database: newest first, by client, keyset pages, stemming. */
class NoteListingIT extends NotesServiceTestBase {

    @Autowired
    DatabaseClient db;

    private static final Comparator<NoteJson> NEWEST_FIRST = Comparator.comparing(
            note -> new NotePosition(note.createdAt(), note.id()), NotePosition.NEWEST_FIRST);

    @Test
    void notesComeNewestFirstForAllClientsOrForOne() {
        UUID ada = connectedClient();
        UUID bob = connectedClient();
        List<NoteJson> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(create(i % 3 == 0 ? bob : ada, "Note " + i));
        }

        List<NoteJson> all = all(Map.of());
        assertThat(all).extracting(NoteJson::text)
                .containsExactly("Note 6", "Note 5", "Note 4", "Note 3", "Note 2", "Note 1", "Note 0");
        assertThat(all).isSortedAccordingTo(NEWEST_FIRST);
        assertThat(all(Map.of("clientId", ada))).extracting(NoteJson::text)
                .containsExactly("Note 5", "Note 4", "Note 2", "Note 1");
        assertThat(all(Map.of("clientId", bob))).extracting(NoteJson::text)
                .containsExactly("Note 6", "Note 3", "Note 0");
        assertThat(all(Map.of("clientId", UUID.randomUUID()))).isEmpty();
    }

    @Test
    void pagesFollowEachOtherWithoutDuplicatesOrGapsWhileNotesAreAdded() {
        UUID client = connectedClient();
        List<NoteJson> before = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            before.add(create(client, "Before " + i));
        }

        List<NoteJson> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> query = cursor == null ? Map.of("limit", 3) : Map.of("limit", 3, "cursor", cursor);
            NoteJson.Page page = page(query);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            create(client, "Added during page " + pages);
            pages++;
        } while (cursor != null && pages < 100);

        assertThat(seen).isSortedAccordingTo(NEWEST_FIRST);
        assertThat(new HashSet<>(seen.stream().map(NoteJson::id).toList())).hasSize(seen.size());
        List<NoteJson> newestFirst = new ArrayList<>(before);
        Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void aSearchFindsEveryFormOfAWordInAnyCase() {
        UUID client = connectedClient();
        create(client, "She calls every Monday.");
        create(client, "Calling her back tomorrow");
        create(client, "We had a CALL about the logo");
        create(client, "Called twice, no answer");
        create(client, "Sent the invoice");

        assertThat(search("call")).containsExactlyInAnyOrder("She calls every Monday.", "Calling her back tomorrow",
                "We had a CALL about the logo", "Called twice, no answer");
        assertThat(search("CALLS")).hasSize(4);
        assertThat(search("calling")).hasSize(4);
        assertThat(search("invoices")).containsExactly("Sent the invoice");
    }

    @Test
    void aSearchOfSeveralWordsFindsNotesWithAllOfThemInAnyOrder() {
        UUID client = connectedClient();
        create(client, "Budget approved for the new website");
        create(client, "Website redesign: waiting for the budget");
        create(client, "Budget meeting moved to Friday");
        create(client, "The website is live");

        assertThat(search("website budget")).containsExactlyInAnyOrder("Budget approved for the new website",
                "Website redesign: waiting for the budget");
        assertThat(search("budget website")).hasSize(2);
        assertThat(search("Budget   WEBSITES approve")).containsExactly("Budget approved for the new website");
        assertThat(search("\"website is live\"")).containsExactly("The website is live");
        assertThat(search("budget -website")).containsExactly("Budget meeting moved to Friday");
    }

    @Test
    void aSearchWithoutMatchFindsNothingAndStrangeInputIsJustText() {
        UUID client = connectedClient();
        create(client, "Likes green tea");

        assertThat(search("coffee")).isEmpty();
        assertThat(search("tea coffee")).isEmpty();
        assertThat(search("'); DROP TABLE note; --")).isEmpty();
        assertThat(search("a & b | !c :* (")).isEmpty();
        assertThat(search("the")).as("only stop words: nothing to look for").isEmpty();
        assertThat(search("Tea")).containsExactly("Likes green tea");
        assertThat(all(Map.of("q", "  "))).hasSize(1);
    }

    @Test
    void aSearchCanBeNarrowedToOneClientAndIsPagedNewestFirst() {
        UUID ada = connectedClient();
        UUID bob = connectedClient();
        for (int i = 0; i < 8; i++) {
            create(i % 2 == 0 ? ada : bob, "Follow-up call number " + i);
        }
        create(ada, "Unrelated");

        List<NoteJson> adasCalls = all(Map.of("clientId", ada, "q", "call"));
        assertThat(adasCalls).extracting(NoteJson::text).containsExactly("Follow-up call number 6",
                "Follow-up call number 4", "Follow-up call number 2", "Follow-up call number 0");
        assertThat(all(Map.of("q", "calls"))).hasSize(8).isSortedAccordingTo(NEWEST_FIRST);
    }

    @Test
    void anEditedNoteIsFoundByItsNewWordsOnly() {
        UUID client = connectedClient();
        NoteJson note = create(client, "Wants a logo");

        edit(note.id(), "Wants a brochure");

        assertThat(search("logo")).isEmpty();
        assertThat(search("brochures")).containsExactly("Wants a brochure");
    }

    @Test
    void searchesArePlannedWithTheirActualWordsNotACachedGenericPlan() {
        // see application.yml and docs/benchmarks.md: a generic plan cannot tell a rare word from a common one
        assertThat(db.sql("SHOW plan_cache_mode").map(row -> row.get(0, String.class)).one().block())
                .isEqualTo("force_custom_plan");
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        for (String query : new String[] {"limit=0", "limit=501", "cursor=garbage", "clientId=ada"}) {
            String parameter = query.substring(0, query.indexOf('='));
            asFreelancer().get().uri("/api/notes?" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("request.invalid")
                    .jsonPath("$.errors[0].field").isEqualTo(parameter);
        }
        asFreelancer().get().uri(builder -> builder.path("/api/notes").queryParam("q", "{q}").build("x".repeat(501)))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
        asFreelancer().get().uri(builder -> builder.path("/api/notes").queryParam("q", "{q}").build("a\u0000b"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
    }
}
