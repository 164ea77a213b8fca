package io.bantam.notes.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NoteQueryTest {

    private static final UUID FREELANCER = UUID.randomUUID();

    @Test
    void everyPageIsTheFreelancersOwnNewestFirst() {
        NoteQuery query = NoteQuery.page(FREELANCER, NoteFilter.ALL, null, 101);

        assertThat(query.sql()).contains("WHERE freelancer_id = :freelancer ORDER BY")
                .endsWith("ORDER BY created_at DESC, id DESC LIMIT :limit");
        assertThat(query.parameters()).containsOnlyKeys("freelancer", "limit")
                .containsEntry("freelancer", FREELANCER)
                .containsEntry("limit", 101);
    }

    @Test
    void aClientAndASearchEachAddOneCondition() {
        UUID client = UUID.randomUUID();

        NoteQuery query = NoteQuery.page(FREELANCER, new NoteFilter(client, "call back"), null, 11);

        assertThat(query.sql()).contains("freelancer_id = :freelancer AND client_id = :client"
                + " AND search @@ websearch_to_tsquery('english', :query) ORDER BY");
        assertThat(query.parameters()).containsEntry("client", client).containsEntry("query", "call back");
    }

    @Test
    void theQueryTextIsBoundNeverSpliced() {
        NoteQuery query = NoteQuery.page(FREELANCER, new NoteFilter(null, "'); DROP TABLE note; --"), null, 11);

        assertThat(query.sql()).doesNotContain("DROP");
        assertThat(query.parameters()).containsEntry("query", "'); DROP TABLE note; --");
    }

    @Test
    void aCursorResumesStrictlyAfterTheLastNoteOfThePreviousPage() {
        Instant created = Instant.parse("2026-11-01T09:00:00.000001Z");
        UUID last = UUID.randomUUID();

        NoteQuery query = NoteQuery.page(FREELANCER, NoteFilter.ALL, new NotePosition(created, last), 11);

        assertThat(query.sql()).contains("(created_at, id) < (:afterCreatedAt, :afterId)");
        assertThat(query.parameters()).containsEntry("afterCreatedAt", created).containsEntry("afterId", last);
    }

    @Test
    void aBlankSearchIsNoSearch() {
        assertThat(new NoteFilter(null, "   ").query()).isNull();
        assertThat(new NoteFilter(null, "").query()).isNull();
        assertThat(NoteQuery.page(FREELANCER, new NoteFilter(null, " \t"), null, 11).sql()).doesNotContain("search");
    }
}
