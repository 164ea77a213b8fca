package io.bantam.task.task.web;

import io.bantam.task.task.domain.Priority;
import io.bantam.task.task.domain.Task;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A task as the API shows it: {@code dueDate} as {@code YYYY-MM-DD}, {@code clientId} and {@code dueDate} null when
 * unset; {@code bookingId} the booking a preparation task is for, else null.
 */
record TaskResponse(
        UUID id,
        UUID freelancerId,
        UUID clientId,
        String title,
        String description,
        Priority priority,
        boolean completed,
        LocalDate dueDate,
        Instant createdAt,
        Instant updatedAt,
        UUID bookingId) {

    static TaskResponse of(Task task) {
        return new TaskResponse(task.id(), task.freelancerId(), task.clientId(), task.title(), task.description(),
                task.priority(), task.completed(), task.dueDate(), task.createdAt(), task.updatedAt(), task.bookingId());
    }
}
