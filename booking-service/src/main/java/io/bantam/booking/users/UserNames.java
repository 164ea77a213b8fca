package io.bantam.booking.users;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The users this service learned from {@code bantam.identity.users.v1}: names for calendar feeds, and each user's
 * time zone (the freelancer's zone on booking events). Applying a version is a conditional overwrite, idempotent
 * and order-insensitive: an older version arriving after a newer one changes nothing.
 */
@Repository
public class UserNames {

    private final DatabaseClient db;

    UserNames(DatabaseClient db) {
        this.db = db;
    }

    /** Records the user as of {@code asOf} unless a newer version is known; emits whether it was applied. */
    public Mono<Boolean> apply(UUID id, String name, String timeZone, Instant asOf) {
        return db.sql("""
                        INSERT INTO calendar_user (id, name, time_zone, as_of) VALUES (:id, :name, :zone, :asOf)
                        ON CONFLICT (id) DO UPDATE
                           SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone, as_of = EXCLUDED.as_of,
                               applied_at = now()
                         WHERE calendar_user.as_of < EXCLUDED.as_of""")
                .bind("id", id)
                .bind("name", name)
                .bind("zone", Parameter.fromOrEmpty(timeZone, String.class))
                .bind("asOf", asOf.atOffset(ZoneOffset.UTC))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    public Mono<String> name(UUID id) {
        return db.sql("SELECT name FROM calendar_user WHERE id = :id").bind("id", id)
                .map(row -> row.get("name", String.class)).one();
    }

    /** The user's IANA time zone, when known. */
    public Mono<String> timeZone(UUID id) {
        return db.sql("SELECT time_zone FROM calendar_user WHERE id = :id AND time_zone IS NOT NULL").bind("id", id)
                .map(row -> row.get("time_zone", String.class)).one();
    }
}
