package io.bantam.notes.note;

import io.bantam.service.validation.StorableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * The body of {@code POST /api/notes}. The text is 1 to 10,000 Unicode code points (as PostgreSQL's
 * {@code char_length} counts: an emoji is one), not blank, and kept exactly as sent.
 */
record CreateNoteRequest(
        @NotNull UUID clientId,
        @NotBlank @CodePointLength(min = 1, max = Note.TEXT_MAX) @StorableText String text) {
}
