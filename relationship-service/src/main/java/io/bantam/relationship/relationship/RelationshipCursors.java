package io.bantam.relationship.relationship;

import io.bantam.relationship.relationship.domain.RelationshipPosition;
import io.bantam.relationship.relationship.domain.RelationshipView;
import io.bantam.service.paging.Cursors;
import io.bantam.service.problem.ApiException;

/** The opaque {@code cursor} of the relationship list: the position of a page's last relationship. */
public final class RelationshipCursors {

    private RelationshipCursors() {
    }

    public static String of(RelationshipView view) {
        return Cursors.encode(view.relationship().position().toParts().toArray(String[]::new));
    }

    /** The position a cursor holds; null for none (absent or empty); 400 {@code request.invalid} for anything not ours. */
    public static RelationshipPosition parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return RelationshipPosition.fromParts(Cursors.decode(cursor, 2));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("cursor", "is not a cursor from a previous page");
        }
    }
}
