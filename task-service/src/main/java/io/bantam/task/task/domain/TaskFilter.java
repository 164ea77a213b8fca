package io.bantam.task.task.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Which of a freelancer's tasks a list shows; a null criterion does not filter.
 *
 * @param completed only completed ({@code true}) or only open ({@code false}) tasks
 * @param clientId only tasks about this client
 * @param priority only tasks of this priority
 * @param dueBefore only tasks due strictly before this date; undated tasks are never due before anything
 */
public record TaskFilter(Boolean completed, UUID clientId, Priority priority, LocalDate dueBefore) {

    public static final TaskFilter ALL = new TaskFilter(null, null, null, null);

    /** The rule the database query implements, for tests and for anyone reading. */
    public boolean matches(Task task) {
        return (completed == null || task.completed() == completed)
                && (clientId == null || clientId.equals(task.clientId()))
                && (priority == null || task.priority() == priority)
                && (dueBefore == null || (task.dueDate() != null && task.dueDate().isBefore(dueBefore)));
    }
}
