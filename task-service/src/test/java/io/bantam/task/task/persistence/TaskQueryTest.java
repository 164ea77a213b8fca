package io.bantam.task.task.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.task.task.domain.Priority;
import io.bantam.task.task.domain.TaskFilter;
import io.bantam.task.task.domain.TaskPosition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskQueryTest {

    private static final UUID FREELANCER = UUID.randomUUID();
    private static final Instant CREATED = Instant.parse("2026-11-01T09:00:00.000001Z");

    @Test
    void everyPageIsTheFreelancersOwnInListOrder() {
        TaskQuery query = TaskQuery.page(FREELANCER, TaskFilter.ALL, null, 101);

        assertThat(query.sql()).contains("WHERE freelancer_id = :freelancer ORDER BY")
                .endsWith("ORDER BY COALESCE(due_date, 'infinity'::date), created_at, id LIMIT :limit");
        assertThat(query.parameters()).containsOnlyKeys("freelancer", "limit")
                .containsEntry("freelancer", FREELANCER)
                .containsEntry("limit", 101);
    }

    @Test
    void eachCriterionAddsOneCondition() {
        UUID client = UUID.randomUUID();
        LocalDate dueBefore = LocalDate.of(2027, 1, 10);

        TaskQuery query = TaskQuery.page(FREELANCER, new TaskFilter(false, client, Priority.HIGH, dueBefore), null, 11);

        assertThat(query.sql()).contains("freelancer_id = :freelancer AND completed = :completed"
                + " AND client_id = :client AND priority = :priority AND due_date < :dueBefore ORDER BY");
        assertThat(query.parameters())
                .containsEntry("completed", false)
                .containsEntry("client", client)
                .containsEntry("priority", "HIGH")
                .containsEntry("dueBefore", dueBefore);
    }

    @Test
    void aCursorResumesStrictlyAfterTheLastTaskOfThePreviousPage() {
        UUID last = UUID.randomUUID();
        LocalDate due = LocalDate.of(2027, 1, 10);

        TaskQuery query = TaskQuery.page(FREELANCER, TaskFilter.ALL, new TaskPosition(due, CREATED, last), 11);

        assertThat(query.sql()).contains("(COALESCE(due_date, 'infinity'::date), created_at, id)"
                + " > (:afterDueDate, :afterCreatedAt, :afterId)");
        assertThat(query.parameters())
                .containsEntry("afterDueDate", due)
                .containsEntry("afterCreatedAt", CREATED)
                .containsEntry("afterId", last);
    }

    @Test
    void afterAnUndatedTaskOnlyLaterUndatedTasksFollow() {
        TaskQuery query = TaskQuery.page(FREELANCER, TaskFilter.ALL, new TaskPosition(null, CREATED, UUID.randomUUID()),
                11);

        assertThat(query.sql()).contains("(COALESCE(due_date, 'infinity'::date), created_at, id)"
                + " > ('infinity'::date, :afterCreatedAt, :afterId)");
        assertThat(query.parameters()).doesNotContainKey("afterDueDate");
    }
}
