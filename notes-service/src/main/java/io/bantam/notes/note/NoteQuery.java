package io.bantam.notes.note;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of one page of a freelancer's notes: client and full-text criteria, the keyset condition after the
 * previous page's last note, newest first, the page size. Built here so it can be read and unit-tested without
 * a database.
 *
 * <p>Full-text search matches the generated {@code search} column ({@code to_tsvector('english', text)}, GIN
 * indexed) against {@code websearch_to_tsquery('english', :query)}: the same configuration on both sides, so
 * "call" finds "calls" and "calling", any case, words in any order.
 */
record NoteQuery(String sql, Map<String, Object> parameters) {

    static NoteQuery page(UUID freelancerId, NoteFilter filter, NotePosition after, int fetch) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        conditions.add("freelancer_id = :freelancer");
        parameters.put("freelancer", freelancerId);
        if (filter.clientId() != null) {
            conditions.add("client_id = :client");
            parameters.put("client", filter.clientId());
        }
        if (filter.query() != null) {
            conditions.add("search @@ websearch_to_tsquery('english', :query)");
            parameters.put("query", filter.query());
        }
        if (after != null) {
            conditions.add("(created_at, id) < (:afterCreatedAt, :afterId)");
            parameters.put("afterCreatedAt", after.createdAt());
            parameters.put("afterId", after.id());
        }
        parameters.put("limit", fetch);
        String sql = "SELECT " + NoteRow.COLUMNS + " FROM note"
                + " WHERE " + String.join(" AND ", conditions)
                + " ORDER BY created_at DESC, id DESC"
                + " LIMIT :limit";
        return new NoteQuery(sql, Map.copyOf(parameters));
    }
}
