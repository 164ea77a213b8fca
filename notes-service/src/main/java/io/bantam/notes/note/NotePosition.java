package io.bantam.notes.note;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A note's place in the list order: newest first, ties (same microsecond) broken by id, descending; a total
 * order, so a keyset cursor can resume strictly after any note.
 */
public record NotePosition(Instant createdAt, UUID id) {

    /**
     * The list order. Ids compare as PostgreSQL compares {@code uuid} (byte by byte, unsigned), which is the
     * order of their canonical lower-case text, not {@link UUID#compareTo} (signed).
     */
    public static final Comparator<NotePosition> NEWEST_FIRST = Comparator
            .comparing(NotePosition::createdAt)
            .thenComparing(position -> position.id().toString())
            .reversed();

    public NotePosition {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    public List<String> toParts() {
        return List.of(createdAt.toString(), id.toString());
    }

    /** The position written by {@link #toParts()}; IllegalArgumentException for anything else. */
    public static NotePosition fromParts(List<String> parts) {
        if (parts.size() != 2 || parts.get(0) == null || parts.get(1) == null) {
            throw new IllegalArgumentException("not a note position");
        }
        try {
            return new NotePosition(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a note position", e);
        }
    }
}
