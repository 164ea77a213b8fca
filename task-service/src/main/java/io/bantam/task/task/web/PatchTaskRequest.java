package io.bantam.task.task.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.bantam.service.patch.Patch;
import io.bantam.service.validation.StorableText;
import io.bantam.task.task.domain.Priority;
import io.bantam.task.task.domain.Task;
import io.bantam.task.task.domain.TaskChange;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * The body of {@code PATCH /api/tasks/{id}}, with merge-patch semantics ({@link Patch}): an absent member leaves
 * its field alone; an explicit {@code null} clears {@code dueDate} (no due date), {@code clientId} (a general
 * task) and {@code description} (the empty text), and is a 400 for {@code title}, {@code priority} and
 * {@code completed}, which a task always has ({@code @NotNull}).
 */
record PatchTaskRequest(
        Patch<@NotNull @CodePointLength(min = 1, max = Task.TITLE_MAX)
                @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @StorableText String> title,

        Patch<@CodePointLength(max = Task.DESCRIPTION_MAX) @StorableText String> description,

        Patch<@NotNull Priority> priority,

        @JsonFormat(lenient = OptBoolean.FALSE)
        Patch<@ValidDueDate LocalDate> dueDate,

        Patch<UUID> clientId,

        Patch<@NotNull Boolean> completed) {

    /** The change asked for; bean validation has checked each value (and refused a null that cannot clear). */
    TaskChange toChange() {
        return new TaskChange(title, description.map(text -> text == null ? "" : text), priority, dueDate, clientId,
                completed);
    }
}
