package io.bantam.task.task.persistence;

import io.bantam.task.task.domain.TaskFilter;
import io.bantam.task.task.domain.TaskPosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of one page of a freelancer's tasks: the filter's criteria, the keyset condition after the previous
 * page's last task, the list order and the page size. Plain SQL with named parameters, built here so it can be
 * read and unit-tested without a database.
 *
 * <p>The order is {@code (COALESCE(due_date, 'infinity'), created_at, id)}: undated tasks sort after every
 * date, and the whole key is one row value, so "after the cursor" is a single row comparison that the
 * {@code task_agenda} index answers with a range scan.
 */
record TaskQuery(String sql, Map<String, Object> parameters) {

    static final String ORDER_KEY = "COALESCE(due_date, 'infinity'::date), created_at, id";

    static TaskQuery page(UUID freelancerId, TaskFilter filter, TaskPosition after, int fetch) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        conditions.add("freelancer_id = :freelancer");
        parameters.put("freelancer", freelancerId);
        if (filter.completed() != null) {
            conditions.add("completed = :completed");
            parameters.put("completed", filter.completed());
        }
        if (filter.clientId() != null) {
            conditions.add("client_id = :client");
            parameters.put("client", filter.clientId());
        }
        if (filter.priority() != null) {
            conditions.add("priority = :priority");
            parameters.put("priority", filter.priority().name());
        }
        if (filter.dueBefore() != null) {
            conditions.add("due_date < :dueBefore");
            parameters.put("dueBefore", filter.dueBefore());
        }
        if (after != null) {
            if (after.dueDate() == null) {
                conditions.add("(" + ORDER_KEY + ") > ('infinity'::date, :afterCreatedAt, :afterId)");
            } else {
                conditions.add("(" + ORDER_KEY + ") > (:afterDueDate, :afterCreatedAt, :afterId)");
                parameters.put("afterDueDate", after.dueDate());
            }
            parameters.put("afterCreatedAt", after.createdAt());
            parameters.put("afterId", after.id());
        }
        parameters.put("limit", fetch);
        String sql = "SELECT " + TaskRow.COLUMNS + " FROM task"
                + " WHERE " + String.join(" AND ", conditions)
                + " ORDER BY " + ORDER_KEY
                + " LIMIT :limit";
        return new TaskQuery(sql, Map.copyOf(parameters));
    }
}
