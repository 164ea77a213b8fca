package io.bantam.relationship.profile;

import io.bantam.relationship.profile.domain.UserProfile;
import io.bantam.service.security.Role;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How a query of another feature shows users' profiles as they are now, in the same statement: the profile
 * feature's table joined in, its columns under a prefix, and the profile read back from the row. Other features
 * join through this, never through the profile feature's store, so the table stays the profile feature's own.
 */
public final class ProfileJoin {

    /** The columns of a profile (the profile store selects them unprefixed). */
    public static final String COLUMNS = "id, email, name, role, time_zone, phone, preferred_name, pronouns, as_of";

    private ProfileJoin() {
    }

    /** {@code alias.id AS prefixid, ...}: the profile's columns of the joined table {@code alias}. */
    public static String columns(String alias, String prefix) {
        return Arrays.stream(COLUMNS.split(","))
                .map(String::strip)
                .map(column -> alias + "." + column + " AS " + prefix + column)
                .collect(Collectors.joining(", "));
    }

    /** {@code LEFT JOIN} of the profiles as {@code alias}, on the user id in {@code userIdColumn}. */
    public static String leftJoin(String alias, String userIdColumn) {
        return " LEFT JOIN user_profile " + alias + " ON " + alias + ".id = " + userIdColumn;
    }

    /**
     * A profile from a row whose profile columns carry a prefix (e.g. {@code client_} in a join, empty in the
     * profile store's own selects); null when the join found no profile.
     */
    public static UserProfile read(Readable row, String prefix) {
        UUID id = row.get(prefix + "id", UUID.class);
        if (id == null) {
            return null;
        }
        return new UserProfile(id,
                row.get(prefix + "email", String.class),
                row.get(prefix + "name", String.class),
                Role.valueOf(row.get(prefix + "role", String.class)),
                row.get(prefix + "time_zone", String.class),
                row.get(prefix + "phone", String.class),
                row.get(prefix + "preferred_name", String.class),
                row.get(prefix + "pronouns", String.class),
                row.get(prefix + "as_of", Instant.class));
    }
}
