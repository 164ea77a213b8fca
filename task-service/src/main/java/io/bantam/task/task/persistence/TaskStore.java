package io.bantam.task.task.persistence;

import io.bantam.task.task.domain.Task;
import io.bantam.task.task.domain.TaskFilter;
import io.bantam.task.task.domain.TaskPosition;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tasks in {@code task}. Every read and write names the owning freelancer: another freelancer's task is
 * simply not found.
 */
@Repository
public class TaskStore {

    private final DatabaseClient db;

    TaskStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Task> insert(Task task) {
        return db.sql("INSERT INTO task (" + TaskRow.COLUMNS + ") VALUES (:id, :freelancerId, :clientId,"
                        + " :title, :description, :priority, :completed, :dueDate, :createdAt, :updatedAt, :bookingId)")
                .bindProperties(TaskRow.of(task))
                .then()
                .thenReturn(task);
    }

    /** The freelancer's task, or empty when there is none with that id or it is another's. */
    public Mono<Task> find(UUID freelancerId, UUID id) {
        return select(freelancerId, id, "");
    }

    /** Like {@link #find}, with the row locked until the end of the current transaction. */
    public Mono<Task> findForUpdate(UUID freelancerId, UUID id) {
        return select(freelancerId, id, " FOR UPDATE");
    }

    /**
     * Writes every changeable field of the freelancer's task, which is the freelancer's own edit: a preparation
     * task the freelancer edited is no longer removed with its cancelled booking.
     */
    public Mono<Task> update(Task task) {
        TaskRow row = TaskRow.of(task);
        return db.sql("""
                        UPDATE task
                           SET client_id = :clientId, title = :title, description = :description,
                               priority = :priority, completed = :completed, due_date = :dueDate,
                               updated_at = :updatedAt, edited = true
                         WHERE id = :id AND freelancer_id = :freelancerId""")
                .bind("id", row.id())
                .bind("freelancerId", row.freelancerId())
                .bind("clientId", Parameter.fromOrEmpty(row.clientId(), UUID.class))
                .bind("title", row.title())
                .bind("description", row.description())
                .bind("priority", row.priority())
                .bind("completed", row.completed())
                .bind("dueDate", Parameter.fromOrEmpty(row.dueDate(), LocalDate.class))
                .bind("updatedAt", row.updatedAt())
                .then()
                .thenReturn(task);
    }

    /** Whether the freelancer had such a task (and now has not). */
    public Mono<Boolean> delete(UUID freelancerId, UUID id) {
        return db.sql("DELETE FROM task WHERE id = :id AND freelancer_id = :freelancer")
                .bind("id", id)
                .bind("freelancer", freelancerId)
                .fetch()
                .rowsUpdated()
                .map(deleted -> deleted > 0);
    }

    /** Up to {@code fetch} of the freelancer's tasks matching the filter, in list order, after a position. */
    public Flux<Task> list(UUID freelancerId, TaskFilter filter, TaskPosition after, int fetch) {
        TaskQuery query = TaskQuery.page(freelancerId, filter, after, fetch);
        GenericExecuteSpec spec = db.sql(query.sql());
        for (Map.Entry<String, Object> parameter : query.parameters().entrySet()) {
            spec = spec.bind(parameter.getKey(), parameter.getValue());
        }
        return spec.mapProperties(TaskRow.class).all().map(TaskRow::toTask);
    }

    private Mono<Task> select(UUID freelancerId, UUID id, String lock) {
        return db.sql("SELECT " + TaskRow.COLUMNS + " FROM task WHERE id = :id AND freelancer_id = :freelancer" + lock)
                .bind("id", id)
                .bind("freelancer", freelancerId)
                .mapProperties(TaskRow.class)
                .one()
                .map(TaskRow::toTask);
    }
}
