package io.bantam.notes.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bantam.service.paging.Cursors;
import io.bantam.service.problem.ApiException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NoteCursorsTest {

    private final Note note = Note.create(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "text",
            Instant.parse("2026-11-01T09:00:00.123456789Z"));

    @Test
    void aCursorHoldsThePositionOfTheNoteItWasMadeFrom() {
        assertThat(NoteCursors.parse(NoteCursors.of(note))).isEqualTo(note.position());
        assertThat(note.createdAt()).isEqualTo(Instant.parse("2026-11-01T09:00:00.123456Z"));
    }

    @Test
    void noCursorStartsFromTheNewest() {
        assertThat(NoteCursors.parse(null)).isNull();
        assertThat(NoteCursors.parse("")).isNull();
    }

    @Test
    void anythingElseIsA400NamingTheCursor() {
        for (String garbage : new String[] {"not a cursor", "Zm9v", Cursors.encode("a", "b"),
                Cursors.encode("2026-11-01T09:00:00Z", UUID.randomUUID().toString(), "extra")}) {
            assertThatThrownBy(() -> NoteCursors.parse(garbage))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(400);
                        assertThat(e.errors()).extracting(ApiException.FieldError::field).containsExactly("cursor");
                    });
        }
    }
}
