package io.bantam.notes.note;

import io.bantam.service.paging.Cursors;
import io.bantam.service.problem.ApiException;

/** The opaque {@code cursor} of the note list: the position of a page's last note. */
final class NoteCursors {

    private NoteCursors() {
    }

    static String of(Note note) {
        return Cursors.encode(note.position().toParts().toArray(String[]::new));
    }

    /** The position a cursor holds; null for none (absent or empty); 400 {@code request.invalid} for anything not ours. */
    static NotePosition parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return NotePosition.fromParts(Cursors.decode(cursor, 2));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("cursor", "is not a cursor from a previous page");
        }
    }
}
