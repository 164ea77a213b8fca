package io.bantam.task.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies: {@code TaskBody.task("Call Ada").due("2027-01-10").client(id).json()}; a null value is sent as null. */
public final class TaskBody {

    private final Map<String, Object> members = new LinkedHashMap<>();

    private TaskBody() {
    }

    public static TaskBody task(String title) {
        return new TaskBody().with("title", title);
    }

    /** A body with only the given members, for PATCH. */
    public static TaskBody patch() {
        return new TaskBody();
    }

    public TaskBody with(String member, Object value) {
        members.put(member, value);
        return this;
    }

    public TaskBody due(String date) {
        return with("dueDate", date);
    }

    public TaskBody client(UUID id) {
        return with("clientId", id);
    }

    public TaskBody priority(String priority) {
        return with("priority", priority);
    }

    public TaskBody description(String description) {
        return with("description", description);
    }

    public TaskBody completed(Boolean completed) {
        return with("completed", completed);
    }

    public Map<String, Object> json() {
        return members;
    }
}
