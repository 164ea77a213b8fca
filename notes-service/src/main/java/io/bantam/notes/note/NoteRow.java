package io.bantam.notes.note;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code note} (without its generated search vector). Never leaves the store: the service sees {@link Note}. */
record NoteRow(UUID id, UUID freelancerId, UUID clientId, String text, Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = "id, freelancer_id, client_id, text, created_at, updated_at";

    static NoteRow of(Note note) {
        return new NoteRow(note.id(), note.freelancerId(), note.clientId(), note.text(), note.createdAt(),
                note.updatedAt());
    }

    Note toNote() {
        return new Note(id, freelancerId, clientId, text, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "NoteRow[id=" + id + "]";
    }
}
