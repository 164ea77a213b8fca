package io.bantam.booking.calendar.persistence;

import io.bantam.booking.calendar.domain.CalendarEntry;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Feeds ({@code calendar_feed}) and what they show: a user's bookings as either party, with the other party's name
 * ({@code calendar_user}, learned from the users topic) and the booking's iCalendar sequence.
 */
@Repository
public class CalendarStore {

    private static final String ENTRY_COLUMNS = """
            b.id, b.start_at, b.end_at, b.title, b.location, b.ical_sequence, b.created_at, b.updated_at,
            b.cancelled_at, u.name AS other_name""";

    private final DatabaseClient db;

    CalendarStore(DatabaseClient db) {
        this.db = db;
    }

    /** A user's feed: its nonce. */
    public record Feed(UUID userId, byte[] nonce) {
    }

    public Mono<Feed> feedOf(UUID user) {
        return db.sql("SELECT user_id, nonce FROM calendar_feed WHERE user_id = :user")
                .bind("user", user)
                .map(row -> new Feed(row.get("user_id", UUID.class), row.get("nonce", byte[].class)))
                .one();
    }

    /** The feed a token's hash belongs to, if any. */
    public Mono<Feed> feedByHash(byte[] tokenHash) {
        return db.sql("SELECT user_id, nonce FROM calendar_feed WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map(row -> new Feed(row.get("user_id", UUID.class), row.get("nonce", byte[].class)))
                .one();
    }

    /**
     * Makes the user's feed unless it has one (two first calls at once: one wins, both answer the winner's); emits
     * the feed that is now there.
     */
    public Mono<Feed> createFeed(UUID user, byte[] nonce, byte[] tokenHash, Instant now) {
        return db.sql("""
                        INSERT INTO calendar_feed (user_id, nonce, token_hash, created_at)
                        VALUES (:user, :nonce, :hash, :now)
                        ON CONFLICT (user_id) DO NOTHING""")
                .bind("user", user)
                .bind("nonce", nonce)
                .bind("hash", tokenHash)
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .then()
                .then(feedOf(user));
    }

    /** Replaces the user's feed: the old token matches nothing from this commit on. */
    public Mono<Feed> replaceFeed(UUID user, byte[] nonce, byte[] tokenHash, Instant now) {
        return db.sql("""
                        INSERT INTO calendar_feed (user_id, nonce, token_hash, created_at)
                        VALUES (:user, :nonce, :hash, :now)
                        ON CONFLICT (user_id) DO UPDATE
                           SET nonce = EXCLUDED.nonce, token_hash = EXCLUDED.token_hash,
                               created_at = EXCLUDED.created_at""")
                .bind("user", user)
                .bind("nonce", nonce)
                .bind("hash", tokenHash)
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .then()
                .thenReturn(new Feed(user, nonce));
    }

    /**
     * The user's bookings (as either party) that overlap {@code [from, to)}: live ones, and those cancelled at or
     * after {@code cancelledSince}; by start.
     */
    public Flux<CalendarEntry> entries(UUID user, Instant from, Instant to, Instant cancelledSince) {
        return db.sql("SELECT " + ENTRY_COLUMNS + """
                         FROM booking b
                         LEFT JOIN calendar_user u
                                ON u.id = CASE WHEN b.freelancer_id = :user THEN b.client_id ELSE b.freelancer_id END
                        WHERE (b.freelancer_id = :user OR b.client_id = :user)
                          AND b.start_at < :to AND b.end_at > :from
                          AND (b.cancelled_at IS NULL OR b.cancelled_at >= :cancelledSince)
                        ORDER BY b.start_at, b.id""")
                .bind("user", user)
                .bind("from", from.atOffset(ZoneOffset.UTC))
                .bind("to", to.atOffset(ZoneOffset.UTC))
                .bind("cancelledSince", cancelledSince.atOffset(ZoneOffset.UTC))
                .map(CalendarStore::entry)
                .all();
    }

    /**
     * A fingerprint of everything {@link #entries} would answer (the same rows, each booking's id, sequence, last
     * change, cancellation and the other party's name): equal fingerprints, equal feeds. One aggregate row instead
     * of thousands, so an unchanged feed is answered without reading or writing it again.
     */
    public Mono<String> fingerprint(UUID user, Instant from, Instant to, Instant cancelledSince) {
        return db.sql("""
                        SELECT coalesce(md5(string_agg(b.id::text || ':' || b.ical_sequence || ':'
                                              || (extract(epoch FROM b.updated_at) * 1000000)::bigint || ':'
                                              || coalesce((extract(epoch FROM b.cancelled_at) * 1000000)::bigint, 0)
                                              || ':' || coalesce(u.name, ''), ',' ORDER BY b.id)), 'none')
                               || '-' || count(*) AS fingerprint
                          FROM booking b
                          LEFT JOIN calendar_user u
                                 ON u.id = CASE WHEN b.freelancer_id = :user THEN b.client_id ELSE b.freelancer_id END
                         WHERE (b.freelancer_id = :user OR b.client_id = :user)
                           AND b.start_at < :to AND b.end_at > :from
                           AND (b.cancelled_at IS NULL OR b.cancelled_at >= :cancelledSince)""")
                .bind("user", user)
                .bind("from", from.atOffset(ZoneOffset.UTC))
                .bind("to", to.atOffset(ZoneOffset.UTC))
                .bind("cancelledSince", cancelledSince.atOffset(ZoneOffset.UTC))
                .map(row -> String.valueOf(row.get("fingerprint", String.class)))
                .one();
    }

    /** One live booking the user is a party of. */
    public Mono<CalendarEntry> entry(UUID user, UUID bookingId) {
        return db.sql("SELECT " + ENTRY_COLUMNS + """
                         FROM booking b
                         LEFT JOIN calendar_user u
                                ON u.id = CASE WHEN b.freelancer_id = :user THEN b.client_id ELSE b.freelancer_id END
                        WHERE b.id = :id AND (b.freelancer_id = :user OR b.client_id = :user)
                          AND b.cancelled_at IS NULL""")
                .bind("user", user)
                .bind("id", bookingId)
                .map(CalendarStore::entry)
                .one();
    }

    private static CalendarEntry entry(Readable row) {
        Instant cancelledAt = row.get("cancelled_at", Instant.class);
        Instant updatedAt = row.get("updated_at", Instant.class);
        Instant lastModified = cancelledAt != null && cancelledAt.isAfter(updatedAt) ? cancelledAt : updatedAt;
        return new CalendarEntry(row.get("id", UUID.class), row.get("start_at", Instant.class),
                row.get("end_at", Instant.class), row.get("title", String.class), row.get("location", String.class),
                row.get("other_name", String.class), row.get("ical_sequence", Integer.class),
                row.get("created_at", Instant.class), lastModified, cancelledAt != null);
    }
}
