package io.bantam.relationship.profile.persistence;

import io.bantam.relationship.profile.ProfileJoin;
import io.bantam.relationship.profile.domain.UserProfile;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The projection of user profiles in {@code user_profile}: one row per user, the newest version identity-service
 * made of it (by {@code as_of}), whichever way and in whatever order the versions arrived.
 */
@Repository
public class UserProfileStore {

    private static final String COLUMNS = ProfileJoin.COLUMNS;

    private final DatabaseClient db;

    UserProfileStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Saves a version of a profile unless the stored one is newer: a later {@code as_of} wins, an equal one
     * replaces (the later delivery of two versions made in the same millisecond, which Kafka delivers in order
     * for one user). One statement, so concurrent saves of one user (the listener and a lookup) cannot lose the
     * newest. A repeated version rewrites the same values.
     *
     * @return whether the version was written
     */
    public Mono<Boolean> save(UserProfile profile) {
        return db.sql("""
                        INSERT INTO user_profile (id, email, name, role, time_zone, phone, preferred_name, pronouns,
                                                  as_of)
                        VALUES (:id, :email, :name, :role, :timeZone, :phone, :preferredName, :pronouns, :asOf)
                        ON CONFLICT (id) DO UPDATE
                           SET email = EXCLUDED.email, name = EXCLUDED.name, role = EXCLUDED.role,
                               time_zone = EXCLUDED.time_zone, phone = EXCLUDED.phone,
                               preferred_name = EXCLUDED.preferred_name, pronouns = EXCLUDED.pronouns,
                               as_of = EXCLUDED.as_of, applied_at = now()
                         WHERE user_profile.as_of <= EXCLUDED.as_of""")
                .bind("id", profile.id())
                .bind("email", profile.email())
                .bind("name", profile.name())
                .bind("role", profile.role().name())
                .bind("timeZone", profile.timeZone())
                .bind("phone", Parameter.fromOrEmpty(profile.phone(), String.class))
                .bind("preferredName", Parameter.fromOrEmpty(profile.preferredName(), String.class))
                .bind("pronouns", Parameter.fromOrEmpty(profile.pronouns(), String.class))
                .bind("asOf", profile.asOf())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    public Mono<UserProfile> findById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM user_profile WHERE id = :id")
                .bind("id", id)
                .map(row -> ProfileJoin.read(row, ""))
                .one();
    }

    /** The user with that email, compared case-insensitively as identity-service compares them. */
    public Mono<UserProfile> findByEmail(String email) {
        return db.sql("SELECT " + COLUMNS + " FROM user_profile WHERE lower(email) = lower(:email)"
                        + " ORDER BY as_of DESC LIMIT 1")
                .bind("email", email)
                .map(row -> ProfileJoin.read(row, ""))
                .one();
    }
}
