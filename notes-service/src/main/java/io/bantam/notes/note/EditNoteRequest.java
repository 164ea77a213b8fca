package io.bantam.notes.note;

import io.bantam.service.validation.StorableText;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.CodePointLength;

/** The body of {@code PATCH /api/notes/{id}}: the new text, with the same rules as at creation. */
record EditNoteRequest(@NotBlank @CodePointLength(min = 1, max = Note.TEXT_MAX) @StorableText String text) {
}
