package io.bantam.task.task.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A freelancer's to-do, optionally about one of its clients.
 *
 * @param clientId the client it is about, or null for a general task
 * @param dueDate the day it is due, or null
 * @param bookingId the booking it prepares for (a preparation task, made by task-service), or null
 */
public record Task(
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

    /** Title length in Unicode code points. */
    public static final int TITLE_MAX = 200;
    /** Description length in Unicode code points. */
    public static final int DESCRIPTION_MAX = 5000;

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(freelancerId, "freelancerId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * A new, not yet completed task. Times are kept to the microsecond, PostgreSQL's precision, so what is
     * answered is exactly what is stored (and what a cursor holds).
     */
    public static Task create(UUID id, UUID freelancerId, NewTask request, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return new Task(id, freelancerId, request.clientId(), request.title(), request.description(),
                request.priority(), false, request.dueDate(), at, at, null);
    }

    /** This task with the change applied; unchanged (same {@code updatedAt}) when the change changes nothing. */
    public Task apply(TaskChange change, Instant now) {
        Task changed = new Task(id, freelancerId, change.clientId().applyTo(clientId), change.title().applyTo(title),
                change.description().applyTo(description), change.priority().applyTo(priority),
                change.completed().applyTo(completed), change.dueDate().applyTo(dueDate), createdAt, updatedAt,
                bookingId);
        if (changed.equals(this)) {
            return this;
        }
        return new Task(changed.id, freelancerId, changed.clientId, changed.title, changed.description,
                changed.priority, changed.completed, changed.dueDate, createdAt, now.truncatedTo(ChronoUnit.MICROS),
                bookingId);
    }

    /**
     * The client this change newly attaches the task to, if any: only then must the pair be actively connected.
     * Keeping the client it already has (its relationship may have ended since) or detaching needs nothing.
     */
    public Optional<UUID> newClientOf(TaskChange change) {
        UUID next = change.clientId().applyTo(clientId);
        return next == null || next.equals(clientId) ? Optional.empty() : Optional.of(next);
    }

    /** Where this task stands in the list order. */
    public TaskPosition position() {
        return new TaskPosition(dueDate, createdAt, id);
    }
}
