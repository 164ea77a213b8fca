package io.bantam.task.task.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.bantam.service.validation.StorableText;
import io.bantam.task.task.domain.NewTask;
import io.bantam.task.task.domain.Priority;
import io.bantam.task.task.domain.Task;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * The body of {@code POST /api/tasks}. Lengths count Unicode code points, as PostgreSQL's {@code char_length}
 * does: an emoji is one character. The due date is strict {@code YYYY-MM-DD}: Jackson would otherwise accept a
 * date-time such as {@code 2027-01-10T23:30:00Z} and keep its UTC date, the very day-slipping bug dates avoid.
 */
record CreateTaskRequest(
        @NotBlank @CodePointLength(min = 1, max = Task.TITLE_MAX) @StorableText String title,
        @CodePointLength(max = Task.DESCRIPTION_MAX) @StorableText String description,
        Priority priority,
        @JsonFormat(lenient = OptBoolean.FALSE) @ValidDueDate LocalDate dueDate,
        UUID clientId) {

    NewTask toNewTask() {
        return new NewTask(title, description, priority, dueDate, clientId);
    }
}
