package io.bantam.notes.note;

import java.time.Instant;
import java.util.UUID;

/** A note as the API shows it. */
record NoteResponse(UUID id, UUID freelancerId, UUID clientId, String text, Instant createdAt, Instant updatedAt) {

    static NoteResponse of(Note note) {
        return new NoteResponse(note.id(), note.freelancerId(), note.clientId(), note.text(), note.createdAt(),
                note.updatedAt());
    }
}
