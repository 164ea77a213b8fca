package io.bantam.task.task.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What a freelancer asks for when it creates a task; the web layer has checked the lengths.
 *
 * @param description never null: no description is the empty text
 * @param clientId the connected client the task is about, or null for a general task
 */
public record NewTask(String title, String description, Priority priority, LocalDate dueDate, UUID clientId) {

    public NewTask {
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        priority = priority == null ? Priority.DEFAULT : priority;
    }
}
