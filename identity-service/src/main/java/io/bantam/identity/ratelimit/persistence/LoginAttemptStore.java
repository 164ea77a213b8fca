package io.bantam.identity.ratelimit.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Fixed-window attempt counters in {@code login_attempt}. */
@Repository
public class LoginAttemptStore {

    private final DatabaseClient db;

    LoginAttemptStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Adds one attempt to each bucket's current window and answers the counts after it, in one statement: the
     * upsert is atomic per row, so concurrent attempts on any replica are all counted. Buckets are always
     * given in the same order (email, then address), so concurrent statements lock rows in the same order.
     */
    public Mono<List<Count>> increment(List<Bucket> buckets) {
        StringBuilder sql = new StringBuilder("INSERT INTO login_attempt (bucket, window_start, attempts, expires_at) VALUES ");
        for (int i = 0; i < buckets.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:bucket").append(i).append(", :start").append(i)
                    .append(", 1, :end").append(i).append(')');
        }
        sql.append("""
                 ON CONFLICT (bucket, window_start) DO UPDATE SET attempts = login_attempt.attempts + 1
                 RETURNING bucket, attempts""");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (int i = 0; i < buckets.size(); i++) {
            Bucket bucket = buckets.get(i);
            spec = spec.bind("bucket" + i, bucket.key()).bind("start" + i, bucket.windowStart())
                    .bind("end" + i, bucket.windowEnd());
        }
        return spec.map(row -> new Count(row.get("bucket", String.class), row.get("attempts", Integer.class)))
                .all()
                .collectList();
    }

    public Mono<Long> deleteExpiredBefore(Instant now) {
        return db.sql("DELETE FROM login_attempt WHERE expires_at < :now")
                .bind("now", now)
                .fetch()
                .rowsUpdated();
    }

    /** A counter key and the window an attempt at this moment falls in. */
    public record Bucket(String key, Instant windowStart, Instant windowEnd) {
    }

    /** A bucket's attempts in its current window, this one included. */
    public record Count(String bucket, int attempts) {
    }
}
