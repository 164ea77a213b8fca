package io.bantam.relationship.relationship;

import io.bantam.relationship.relationship.domain.RelationshipPosition;
import io.bantam.relationship.relationship.domain.RelationshipView;
import io.bantam.service.paging.Cursors;

/** The opaque {@code cursor} of the relationship list: the position of a page's last relationship. */
public final class RelationshipCursors {

    private RelationshipCursors() {
    }

    public static String of(RelationshipView view) {
        return Cursors.encode(view.relationship().position().toParts().toArray(String[]::new));
    }

    /** The position a cursor holds; null for none (absent or empty); 400 {@code request.invalid} for anything not ours. */
    public static RelationshipPosition parse(String cursor) {
        return Cursors.decode(cursor, 2, RelationshipPosition::fromParts);
    }
}
