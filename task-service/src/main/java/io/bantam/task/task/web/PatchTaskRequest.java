package io.bantam.task.task.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.bantam.service.problem.ApiException.FieldError;
import io.bantam.service.problem.ApiException;
import io.bantam.service.validation.StorableText;
import io.bantam.task.task.domain.Priority;
import io.bantam.task.task.domain.Task;
import io.bantam.task.task.domain.TaskChange;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * The body of {@code PATCH /api/tasks/{id}}, with merge-patch semantics: an absent member leaves its field
 * alone; an explicit {@code null} clears {@code dueDate} (no due date), {@code clientId} (a general task) and
 * {@code description} (the empty text), and is a 400 for {@code title}, {@code priority} and
 * {@code completed}, which a task always has. A record cannot tell absent from null (Jackson gives both as
 * null), so this is a class whose setters remember which members the body had.
 */
final class PatchTaskRequest {

    enum Member { TITLE, DESCRIPTION, PRIORITY, DUE_DATE, CLIENT_ID, COMPLETED }

    private final Set<Member> present = EnumSet.noneOf(Member.class);

    @CodePointLength(min = 1, max = Task.TITLE_MAX)
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    @StorableText
    private String title;

    @CodePointLength(max = Task.DESCRIPTION_MAX)
    @StorableText
    private String description;

    private Priority priority;

    @JsonFormat(lenient = OptBoolean.FALSE)
    @ValidDueDate
    private LocalDate dueDate;

    private UUID clientId;

    private Boolean completed;

    void setTitle(String title) {
        this.title = title;
        present.add(Member.TITLE);
    }

    void setDescription(String description) {
        this.description = description;
        present.add(Member.DESCRIPTION);
    }

    void setPriority(Priority priority) {
        this.priority = priority;
        present.add(Member.PRIORITY);
    }

    void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
        present.add(Member.DUE_DATE);
    }

    void setClientId(UUID clientId) {
        this.clientId = clientId;
        present.add(Member.CLIENT_ID);
    }

    void setCompleted(Boolean completed) {
        this.completed = completed;
        present.add(Member.COMPLETED);
    }

    /**
     * The change this body asks for. Bean validation has checked each value already; what it cannot see is a
     * {@code null} for a field that cannot be cleared.
     */
    TaskChange toChange() {
        List<FieldError> errors = new ArrayList<>();
        requireValue(Member.TITLE, title, "title", errors);
        requireValue(Member.PRIORITY, priority, "priority", errors);
        requireValue(Member.COMPLETED, completed, "completed", errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The request has invalid fields.", errors);
        }
        TaskChange change = TaskChange.none();
        if (present.contains(Member.TITLE)) {
            change = change.withTitle(title);
        }
        if (present.contains(Member.DESCRIPTION)) {
            change = change.withDescription(description);
        }
        if (present.contains(Member.PRIORITY)) {
            change = change.withPriority(priority);
        }
        if (present.contains(Member.DUE_DATE)) {
            change = change.withDueDate(dueDate);
        }
        if (present.contains(Member.CLIENT_ID)) {
            change = change.withClientId(clientId);
        }
        if (present.contains(Member.COMPLETED)) {
            change = change.withCompleted(completed);
        }
        return change;
    }

    private void requireValue(Member member, Object value, String field, List<FieldError> errors) {
        if (present.contains(member) && value == null) {
            errors.add(new FieldError(field, "must not be null"));
        }
    }
}
