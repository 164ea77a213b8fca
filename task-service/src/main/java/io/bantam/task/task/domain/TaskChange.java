package io.bantam.task.task.domain;

import io.bantam.service.patch.Patch;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A partial update of a task: each field kept or set. {@code dueDate} and {@code clientId} may be set to null
 * (no due date, a general task); the others never are (the web layer refuses an explicit null for them, and
 * a null description means the empty one).
 */
public record TaskChange(
        Patch<String> title,
        Patch<String> description,
        Patch<Priority> priority,
        Patch<LocalDate> dueDate,
        Patch<UUID> clientId,
        Patch<Boolean> completed) {

    public TaskChange {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(completed, "completed");
    }

    public static TaskChange none() {
        return new TaskChange(Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep());
    }

    public TaskChange withTitle(String value) {
        return new TaskChange(Patch.set(Objects.requireNonNull(value, "title")), description, priority, dueDate,
                clientId, completed);
    }

    public TaskChange withDescription(String value) {
        return new TaskChange(title, Patch.set(value == null ? "" : value), priority, dueDate, clientId, completed);
    }

    public TaskChange withPriority(Priority value) {
        return new TaskChange(title, description, Patch.set(Objects.requireNonNull(value, "priority")), dueDate,
                clientId, completed);
    }

    public TaskChange withDueDate(LocalDate value) {
        return new TaskChange(title, description, priority, Patch.set(value), clientId, completed);
    }

    public TaskChange withClientId(UUID value) {
        return new TaskChange(title, description, priority, dueDate, Patch.set(value), completed);
    }

    public TaskChange withCompleted(boolean value) {
        return new TaskChange(title, description, priority, dueDate, clientId, Patch.set(value));
    }
}
