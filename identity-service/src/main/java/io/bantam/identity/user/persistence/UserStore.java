package io.bantam.identity.user.persistence;

import io.bantam.identity.user.domain.Credentials;
import io.bantam.identity.user.domain.EmailTakenException;
import io.bantam.identity.user.domain.User;
import io.bantam.identity.user.domain.UserVersion;
import io.r2dbc.postgresql.api.PostgresqlException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Users in {@code user_account}. Emails are matched on {@code lower(email)}, the unique index's expression. */
@Repository
public class UserStore {

    static final String EMAIL_UNIQUE_INDEX = "user_account_email_key";

    private static final String COLUMNS = """
            id, email, password_hash, name, role, time_zone, phone, preferred_name, pronouns, created_at, updated_at""";

    private final DatabaseClient db;

    UserStore(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts a new user; fails with {@link EmailTakenException} when the email is taken, even under a race. */
    public Mono<User> insert(User user, String passwordHash) {
        UserRow row = UserRow.of(user, passwordHash, user.createdAt());
        return db.sql("INSERT INTO user_account (" + COLUMNS + ") VALUES (:id, :email, :passwordHash, :name, :role,"
                        + " :timeZone, :phone, :preferredName, :pronouns, :createdAt, :updatedAt)")
                .bindProperties(row)
                .then()
                .onErrorMap(UserStore::isEmailTaken, e -> new EmailTakenException())
                .thenReturn(user);
    }

    public Mono<User> findById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM user_account WHERE id = :id")
                .bind("id", id)
                .mapProperties(UserRow.class)
                .one()
                .map(UserRow::toUser);
    }

    /** The user row locked until the end of the current transaction, for a read-modify-write. */
    public Mono<User> findByIdForUpdate(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM user_account WHERE id = :id FOR UPDATE")
                .bind("id", id)
                .mapProperties(UserRow.class)
                .one()
                .map(UserRow::toUser);
    }

    /** The user with the time of its latest change, for services that keep a projection of users. */
    public Mono<UserVersion> findVersionById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM user_account WHERE id = :id")
                .bind("id", id)
                .mapProperties(UserRow.class)
                .one()
                .map(UserRow::toVersion);
    }

    /** Like {@link #findVersionById}, by email compared case-insensitively. */
    public Mono<UserVersion> findVersionByEmail(String email) {
        return db.sql("SELECT " + COLUMNS + " FROM user_account WHERE lower(email) = lower(:email)")
                .bind("email", email)
                .mapProperties(UserRow.class)
                .one()
                .map(UserRow::toVersion);
    }

    public Mono<Credentials> findCredentialsByEmail(String email) {
        return db.sql("SELECT " + COLUMNS + " FROM user_account WHERE lower(email) = lower(:email)")
                .bind("email", email)
                .mapProperties(UserRow.class)
                .one()
                .map(UserRow::toCredentials);
    }

    public Mono<Boolean> existsByEmail(String email) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM user_account WHERE lower(email) = lower(:email))")
                .bind("email", email)
                .mapValue(Boolean.class)
                .one();
    }

    /** Writes the profile fields of an existing user. */
    public Mono<Void> updateProfile(User user, Instant now) {
        return db.sql("""
                        UPDATE user_account
                           SET name = :name, time_zone = :timeZone, phone = :phone,
                               preferred_name = :preferredName, pronouns = :pronouns, updated_at = :updatedAt
                         WHERE id = :id""")
                .bind("id", user.id())
                .bind("name", user.name())
                .bind("timeZone", user.timeZone().getId())
                .bind("phone", Parameter.fromOrEmpty(user.phone(), String.class))
                .bind("preferredName", Parameter.fromOrEmpty(user.preferredName(), String.class))
                .bind("pronouns", Parameter.fromOrEmpty(user.pronouns(), String.class))
                .bind("updatedAt", now)
                .then();
    }

    private static boolean isEmailTaken(Throwable failure) {
        if (!(failure instanceof DuplicateKeyException)) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PostgresqlException postgres) {
                return postgres.getErrorDetails().getConstraintName()
                        .map(EMAIL_UNIQUE_INDEX::equals)
                        .orElse(false);
            }
        }
        return false;
    }
}
