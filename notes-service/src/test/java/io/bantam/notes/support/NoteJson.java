package io.bantam.notes.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A note as a client reads it off the wire. */
public record NoteJson(UUID id, UUID freelancerId, UUID clientId, String text, Instant createdAt, Instant updatedAt) {

    /** A page of the note list. */
    public record Page(List<NoteJson> items, String nextCursor) {
    }
}
