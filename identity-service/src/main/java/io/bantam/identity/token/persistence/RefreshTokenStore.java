package io.bantam.identity.token.persistence;

import io.bantam.identity.token.domain.RefreshToken;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Refresh tokens and their families in {@code refresh_token} and {@code refresh_token_family}. */
@Repository
public class RefreshTokenStore {

    public enum RevokeReason { LOGOUT, REUSE }

    private final DatabaseClient db;

    RefreshTokenStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insertFamily(UUID familyId, UUID userId, Instant now) {
        return db.sql("INSERT INTO refresh_token_family (id, user_id, created_at) VALUES (:id, :userId, :now)")
                .bind("id", familyId)
                .bind("userId", userId)
                .bind("now", now)
                .then();
    }

    public Mono<Void> insertToken(UUID id, UUID familyId, String hash, Instant issuedAt, Instant expiresAt) {
        return db.sql("""
                        INSERT INTO refresh_token (id, family_id, token_hash, issued_at, expires_at)
                        VALUES (:id, :familyId, :hash, :issuedAt, :expiresAt)""")
                .bind("id", id)
                .bind("familyId", familyId)
                .bind("hash", hash)
                .bind("issuedAt", issuedAt)
                .bind("expiresAt", expiresAt)
                .then();
    }

    /**
     * The token with this hash, its row locked until the transaction ends: a concurrent refresh with the same
     * token waits here, then reads the token as used.
     */
    public Mono<RefreshToken> findByHashForUpdate(String hash) {
        return db.sql("""
                        SELECT t.id, t.family_id, f.user_id, t.expires_at, t.used_at,
                               f.revoked_at IS NOT NULL AS family_revoked
                          FROM refresh_token t
                          JOIN refresh_token_family f ON f.id = t.family_id
                         WHERE t.token_hash = :hash
                           FOR UPDATE OF t""")
                .bind("hash", hash)
                .mapProperties(RefreshTokenRow.class)
                .one()
                .map(RefreshTokenRow::toDomain);
    }

    public Mono<Void> markUsed(UUID id, Instant now) {
        return db.sql("UPDATE refresh_token SET used_at = :now WHERE id = :id AND used_at IS NULL")
                .bind("id", id)
                .bind("now", now)
                .then();
    }

    public Mono<Void> revokeFamily(UUID familyId, RevokeReason reason, Instant now) {
        return db.sql("""
                        UPDATE refresh_token_family SET revoked_at = :now, revoked_reason = :reason
                         WHERE id = :id AND revoked_at IS NULL""")
                .bind("id", familyId)
                .bind("reason", reason.name())
                .bind("now", now)
                .then();
    }

    public Mono<Void> revokeFamilyOf(String tokenHash, RevokeReason reason, Instant now) {
        return db.sql("""
                        UPDATE refresh_token_family f SET revoked_at = :now, revoked_reason = :reason
                          FROM refresh_token t
                         WHERE t.family_id = f.id AND t.token_hash = :hash AND f.revoked_at IS NULL""")
                .bind("hash", tokenHash)
                .bind("reason", reason.name())
                .bind("now", now)
                .then();
    }

    /** Deletes tokens that expired before the cutoff, then families left without tokens. */
    public Mono<Long> deleteExpiredBefore(Instant cutoff) {
        Mono<Long> tokens = db.sql("DELETE FROM refresh_token WHERE expires_at < :cutoff")
                .bind("cutoff", cutoff)
                .fetch()
                .rowsUpdated();
        Mono<Long> families = db.sql("""
                        DELETE FROM refresh_token_family f
                         WHERE f.created_at < :cutoff
                           AND NOT EXISTS (SELECT 1 FROM refresh_token t WHERE t.family_id = f.id)""")
                .bind("cutoff", cutoff)
                .fetch()
                .rowsUpdated();
        return tokens.flatMap(deleted -> families.thenReturn(deleted));
    }

    record RefreshTokenRow(UUID id, UUID familyId, UUID userId, Instant expiresAt, Instant usedAt,
            boolean familyRevoked) {

        RefreshToken toDomain() {
            return new RefreshToken(id, familyId, userId, expiresAt, usedAt, familyRevoked);
        }
    }
}
