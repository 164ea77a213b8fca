package io.bantam.task.task.persistence;

import io.bantam.task.task.domain.Priority;
import io.bantam.task.task.domain.Task;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of {@code task}. Never leaves this package: the rest of the service sees {@link Task}. */
record TaskRow(
        UUID id,
        UUID freelancerId,
        UUID clientId,
        String title,
        String description,
        String priority,
        boolean completed,
        LocalDate dueDate,
        Instant createdAt,
        Instant updatedAt,
        UUID bookingId) {

    static final String COLUMNS = "id, freelancer_id, client_id, title, description, priority, completed, due_date,"
            + " created_at, updated_at, booking_id";

    static TaskRow of(Task task) {
        return new TaskRow(task.id(), task.freelancerId(), task.clientId(), task.title(), task.description(),
                task.priority().name(), task.completed(), task.dueDate(), task.createdAt(), task.updatedAt(),
                task.bookingId());
    }

    Task toTask() {
        return new Task(id, freelancerId, clientId, title, description, Priority.valueOf(priority), completed, dueDate,
                createdAt, updatedAt, bookingId);
    }

    @Override
    public String toString() {
        return "TaskRow[id=" + id + "]";
    }
}
