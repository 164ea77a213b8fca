package io.bantam.gateway.ratelimit.persistence;

import io.bantam.gateway.ratelimit.domain.Bucket;
import io.bantam.gateway.ratelimit.domain.Policy;
import io.bantam.gateway.ratelimit.domain.Verdict;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The GCRA state of every key in {@code rate_limit}, shared by all gateway replicas. The database's clock is the
 * only clock, so replicas whose clocks disagree still agree on every decision.
 */
@Repository
public class RateLimitStore {

    /**
     * One statement, one round trip. The upsert takes a request from the key's budget when its TAT allows
     * (a new key always does) and returns the new TAT; when it does not, the {@code WHERE} refuses the update,
     * nothing is written, and the second branch reads the TAT as it stands to say how long to wait. The row lock
     * of the upsert makes concurrent requests on any replica queue up on the key, so none is lost.
     */
    static final String TAKE = """
            WITH taken AS (
                INSERT INTO rate_limit AS b (key, tat)
                VALUES (:key, now() + :interval * interval '1 microsecond')
                ON CONFLICT (key) DO UPDATE
                    SET tat = greatest(b.tat, now()) + :interval * interval '1 microsecond'
                    WHERE b.tat <= now() + :slack * interval '1 microsecond'
                RETURNING tat
            )
            SELECT true AS allowed, tat, now() AS now FROM taken
            UNION ALL
            SELECT false, tat, now() FROM rate_limit
            WHERE key = :key AND NOT EXISTS (SELECT 1 FROM taken)""";

    private final DatabaseClient db;

    RateLimitStore(DatabaseClient db) {
        this.db = db;
    }

    /** Takes one request from the bucket if its budget allows. */
    public Mono<Verdict> take(Bucket bucket) {
        Policy policy = bucket.policy();
        return db.sql(TAKE)
                .bind("key", bucket.key())
                .bind("interval", policy.intervalMicros())
                .bind("slack", policy.slackMicros())
                .map(row -> {
                    Instant tat = row.get("tat", Instant.class);
                    Instant now = row.get("now", Instant.class);
                    return Boolean.TRUE.equals(row.get("allowed", Boolean.class))
                            ? policy.allowed(tat, now)
                            : policy.limited(tat, now);
                })
                .first()
                // refused, and the row was not yet visible to this statement's snapshot (a concurrent first
                // request for the key): refused all the same, with the longest wait the policy can ask for
                .defaultIfEmpty(policy.limited(null, Instant.EPOCH));
    }

    /**
     * Whether the bucket's budget would allow a request now, without taking one (nothing is written): for budgets
     * that only failures draw on, checked before the request and taken from after it failed.
     */
    public Mono<Verdict> peek(Bucket bucket) {
        Policy policy = bucket.policy();
        return db.sql("""
                        SELECT tat, now() AS now, tat <= now() + :slack * interval '1 microsecond' AS allowed
                          FROM rate_limit WHERE key = :key""")
                .bind("key", bucket.key())
                .bind("slack", policy.slackMicros())
                .map(row -> {
                    Instant tat = row.get("tat", Instant.class);
                    Instant now = row.get("now", Instant.class);
                    return Boolean.TRUE.equals(row.get("allowed", Boolean.class))
                            ? policy.allowed(tat.isBefore(now) ? now : tat, now)
                            : policy.limited(tat, now);
                })
                .one()
                .defaultIfEmpty(policy.allowed(Instant.EPOCH, Instant.EPOCH));
    }

    /**
     * Deletes the rows whose TAT has passed: such a key has its whole budget again, exactly as a key without a
     * row. Safe while other replicas take from the same keys: a row updated meanwhile no longer qualifies.
     */
    public Mono<Long> deleteIdle() {
        return db.sql("DELETE FROM rate_limit WHERE tat < now()").fetch().rowsUpdated();
    }
}
