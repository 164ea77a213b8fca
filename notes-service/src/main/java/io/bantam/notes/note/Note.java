package io.bantam.notes.note;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * What a freelancer wrote down about one of its clients. The text is kept exactly as sent (no trimming, no
 * Unicode normalisation).
 */
public record Note(UUID id, UUID freelancerId, UUID clientId, String text, Instant createdAt, Instant updatedAt) {

    /** Text length in Unicode code points: an emoji or a CJK character is one, a combining accent is one more. */
    public static final int TEXT_MAX = 10_000;

    public Note {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(freelancerId, "freelancerId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new note; times kept to the microsecond, PostgreSQL's precision, so what is answered is what is stored. */
    public static Note create(UUID id, UUID freelancerId, UUID clientId, String text, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return new Note(id, freelancerId, clientId, text, at, at);
    }

    /** Where this note stands in the list order. */
    public NotePosition position() {
        return new NotePosition(createdAt, id);
    }
}
