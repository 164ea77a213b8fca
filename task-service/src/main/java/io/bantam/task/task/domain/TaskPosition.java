package io.bantam.task.task.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A task's place in the list order: due date ascending with undated tasks last, then creation time, then id
 * (a total order, so a keyset cursor can resume strictly after any task).
 *
 * @param dueDate null for an undated task
 */
public record TaskPosition(LocalDate dueDate, Instant createdAt, UUID id) implements Comparable<TaskPosition> {

    /**
     * The list order. Ids compare as PostgreSQL compares {@code uuid} (byte by byte, unsigned), which is the
     * order of their canonical lower-case text, not {@link UUID#compareTo} (signed).
     */
    public static final Comparator<TaskPosition> ORDER = Comparator
            .comparing(TaskPosition::dueDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(TaskPosition::createdAt)
            .thenComparing(position -> position.id().toString());

    public TaskPosition {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public int compareTo(TaskPosition other) {
        return ORDER.compare(this, other);
    }

    /** The position as text parts, for a cursor; a null part stands for no due date. */
    public List<String> toParts() {
        return java.util.Arrays.asList(dueDate == null ? null : dueDate.toString(), createdAt.toString(),
                id.toString());
    }

    /** The position written by {@link #toParts()}; IllegalArgumentException for anything else. */
    public static TaskPosition fromParts(List<String> parts) {
        if (parts.size() != 3 || parts.get(1) == null || parts.get(2) == null) {
            throw new IllegalArgumentException("not a task position");
        }
        try {
            LocalDate due = parts.get(0) == null ? null : LocalDate.parse(parts.get(0));
            if (!DueDates.isValid(due)) {
                throw new IllegalArgumentException("not a task position");
            }
            return new TaskPosition(due, Instant.parse(parts.get(1)), UUID.fromString(parts.get(2)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a task position", e);
        }
    }
}
