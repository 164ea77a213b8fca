package io.bantam.notes.note;

import io.bantam.service.paging.Cursors;

/** The opaque {@code cursor} of the note list: the position of a page's last note. */
final class NoteCursors {

    private NoteCursors() {
    }

    static String of(Note note) {
        return Cursors.encode(note.position().toParts().toArray(String[]::new));
    }

    /** The position a cursor holds; null for none (absent or empty); 400 {@code request.invalid} for anything not ours. */
    static NotePosition parse(String cursor) {
        return Cursors.decode(cursor, 2, NotePosition::fromParts);
    }
}
