package io.bantam.task.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A task as a client reads it off the wire (dates kept as the text that was sent). */
public record TaskJson(UUID id, UUID freelancerId, UUID clientId, String title, String description, String priority,
        boolean completed, String dueDate, Instant createdAt, Instant updatedAt, UUID bookingId) {

    /** A page of the task list. */
    public record Page(List<TaskJson> items, String nextCursor) {
    }
}
