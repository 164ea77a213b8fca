package io.bantam.task.task;

import static io.bantam.task.task.domain.Tasks.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bantam.service.paging.Cursors;
import io.bantam.service.problem.ApiException;
import io.bantam.task.task.domain.Task;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TaskCursorsTest {

    @Test
    void aCursorHoldsThePositionOfTheTaskItWasMadeFrom() {
        Task dated = aTask().due(LocalDate.of(2027, 1, 10)).build();
        Task undated = aTask().build();

        assertThat(TaskCursors.parse(TaskCursors.of(dated))).isEqualTo(dated.position());
        assertThat(TaskCursors.parse(TaskCursors.of(undated))).isEqualTo(undated.position());
    }

    @Test
    void aCursorIsOpaqueUrlSafeText() {
        String cursor = TaskCursors.of(aTask().due(LocalDate.of(2027, 1, 10)).build());

        assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain("2027");
    }

    @Test
    void noCursorStartsFromTheBeginning() {
        assertThat(TaskCursors.parse(null)).isNull();
        assertThat(TaskCursors.parse("")).isNull();
    }

    @Test
    void anythingElseIsA400NamingTheCursor() {
        for (String garbage : new String[] {"not a cursor", "Zm9v", Cursors.encode("1", "2", "3"),
                Cursors.encode("2027-01-10", "2026-11-01T09:00:00Z")}) {
            assertThatThrownBy(() -> TaskCursors.parse(garbage))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(400);
                        assertThat(e.errors()).extracting(ApiException.FieldError::field).containsExactly("cursor");
                    });
        }
    }
}
