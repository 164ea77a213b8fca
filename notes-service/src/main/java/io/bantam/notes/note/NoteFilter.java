package io.bantam.notes.note;

import java.util.UUID;

/**
 * Which of a freelancer's notes a list shows.
 *
 * @param clientId only notes about this client, or null for all
 * @param query a full-text query (web-search syntax: every word must match, in any order, case-insensitively,
 *     with English stemming; {@code "quoted phrases"}, {@code or} and {@code -word} also work), or null for all
 */
public record NoteFilter(UUID clientId, String query) {

    /** The longest query accepted, in code points. */
    public static final int QUERY_MAX = 500;

    public static final NoteFilter ALL = new NoteFilter(null, null);

    public NoteFilter {
        query = query == null || query.isBlank() ? null : query;
    }
}
