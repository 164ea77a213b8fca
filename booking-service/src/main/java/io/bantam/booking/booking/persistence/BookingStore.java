package io.bantam.booking.booking.persistence;

import io.bantam.booking.booking.domain.Booking;
import io.bantam.booking.booking.domain.BookingDetails;
import io.bantam.booking.booking.domain.OverlapException;
import io.bantam.booking.booking.domain.Party;
import io.bantam.booking.rules.domain.HeldTime;
import io.bantam.booking.time.TimeRange;
import io.r2dbc.postgresql.api.PostgresqlException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bookings in {@code booking}, and the time each live one holds in {@code booking_participant}, one row per
 * participant, where the exclusion constraint {@value #NO_OVERLAP} refuses any overlap for a user.
 *
 * <p>The freelancer's row is always written before the client's, each by its own statement: the statement that
 * fails names the party that collides. Concurrent overlapping inserts can still deadlock (an exclusion constraint
 * enters a backend's index entry before it waits for a conflicting uncommitted one), and PostgreSQL then aborts one
 * transaction with SQLSTATE 40P01; service-defaults tries that transaction again as a whole (docs/booking.md).
 */
@Repository
public class BookingStore {

    static final String NO_OVERLAP = "booking_participant_no_overlap";
    static final String EXCLUSION_VIOLATION = "23P01";

    private final DatabaseClient db;

    BookingStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Inserts a booking and the time it holds for both parties; fails with {@link OverlapException} naming the
     * party that already has a booking then. Call it inside a transaction.
     */
    public Mono<Booking> insert(Booking booking) {
        return insert(booking, 0, 0);
    }

    /**
     * Inserts a booking that keeps the given buffers (those in force when it is made) around the time it holds;
     * fails with {@link OverlapException} naming the party that already has a booking then. Call it inside a
     * transaction.
     */
    public Mono<Booking> insert(Booking booking, int bufferBeforeMinutes, int bufferAfterMinutes) {
        Mono<Void> row = db.sql("INSERT INTO booking (" + BookingRow.COLUMNS + ") VALUES (:id, :freelancerId,"
                        + " :clientId, :title, :location, :startAt, :endAt, :createdBy, :createdAt, :updatedAt)")
                .bindProperties(BookingRow.of(booking))
                .then();
        return row
                .then(holdTime(booking, Party.FREELANCER, bufferBeforeMinutes, bufferAfterMinutes))
                .then(holdTime(booking, Party.CLIENT, bufferBeforeMinutes, bufferAfterMinutes))
                .thenReturn(booking);
    }

    private Mono<Void> holdTime(Booking booking, Party party, int before, int after) {
        return db.sql("""
                        INSERT INTO booking_participant (booking_id, party, user_id, during, buffer_before_minutes,
                                                         buffer_after_minutes)
                        VALUES (:id, :party, :user, tstzrange(CAST(:start AS timestamptz), CAST(:end AS timestamptz), '[)'),
                                :before, :after)""")
                .bind("before", before)
                .bind("after", after)
                .bind("id", booking.id())
                .bind("party", party.name())
                .bind("user", booking.participant(party))
                .bind("start", booking.time().start())
                .bind("end", booking.time().end())
                .then()
                .onErrorMap(BookingStore::isOverlap, e -> new OverlapException(party));
    }

    /**
     * Writes the changed booking. When its time changed, the time it holds moves in place, the freelancer's row
     * first: a booking is never in its own way, and {@link OverlapException} names the party that collides.
     */
    public Mono<Booking> update(Booking before, Booking after) {
        return update(before, after, null, null);
    }

    /**
     * As {@link #update(Booking, Booking)}; a moved booking keeps the given buffers from now on (those in force
     * when it was moved), or its old ones when they are null.
     */
    public Mono<Booking> update(Booking before, Booking after, Integer bufferBefore, Integer bufferAfter) {
        Mono<Void> moveTime = before.time().equals(after.time()) ? Mono.empty()
                : moveTime(after, Party.FREELANCER, bufferBefore, bufferAfter)
                        .then(moveTime(after, Party.CLIENT, bufferBefore, bufferAfter));
        Mono<Void> row = db.sql("""
                        UPDATE booking
                           SET title = :title, location = :location, start_at = :start, end_at = :end,
                               updated_at = :updatedAt
                         WHERE id = :id""")
                .bind("id", after.id())
                .bind("title", after.title())
                .bind("location", Parameter.fromOrEmpty(after.location(), String.class))
                .bind("start", after.time().start())
                .bind("end", after.time().end())
                .bind("updatedAt", after.updatedAt())
                .then();
        return moveTime.then(row).thenReturn(after);
    }

    private Mono<Void> moveTime(Booking booking, Party party, Integer before, Integer after) {
        return db.sql("""
                        UPDATE booking_participant
                           SET during = tstzrange(CAST(:start AS timestamptz), CAST(:end AS timestamptz), '[)'),
                               buffer_before_minutes = COALESCE(CAST(:before AS integer), buffer_before_minutes),
                               buffer_after_minutes = COALESCE(CAST(:after AS integer), buffer_after_minutes)
                         WHERE booking_id = :id AND party = :party""")
                .bind("before", Parameter.fromOrEmpty(before, Integer.class))
                .bind("after", Parameter.fromOrEmpty(after, Integer.class))
                .bind("id", booking.id())
                .bind("party", party.name())
                .bind("start", booking.time().start())
                .bind("end", booking.time().end())
                .then()
                .onErrorMap(BookingStore::isOverlap, e -> new OverlapException(party));
    }

    /** Cancels a booking: its row stays, marked, and the time it held is free again. */
    public Mono<Void> cancel(UUID id, UUID cancelledBy, Instant at) {
        return db.sql("DELETE FROM booking_participant WHERE booking_id = :id")
                .bind("id", id)
                .then()
                .then(db.sql("UPDATE booking SET cancelled_at = :at, cancelled_by = :by WHERE id = :id")
                        .bind("id", id)
                        .bind("at", at)
                        .bind("by", cancelledBy)
                        .then());
    }

    /** A live (not cancelled) booking. */
    public Mono<Booking> find(UUID id) {
        return db.sql("SELECT " + BookingRow.COLUMNS + " FROM booking WHERE id = :id AND cancelled_at IS NULL")
                .bind("id", id)
                .mapProperties(BookingRow.class)
                .one()
                .map(BookingRow::toBooking);
    }

    /** A live booking, its row locked until the end of the current transaction, for a read-modify-write. */
    public Mono<Booking> findForUpdate(UUID id) {
        return db.sql("SELECT " + BookingRow.COLUMNS
                        + " FROM booking WHERE id = :id AND cancelled_at IS NULL FOR UPDATE")
                .bind("id", id)
                .mapProperties(BookingRow.class)
                .one()
                .map(BookingRow::toBooking);
    }

    /**
     * The time the user's live bookings hold within {@code window} (as either party), ascending: one range query
     * on the exclusion constraint's GiST index.
     */
    public Mono<List<TimeRange>> busy(UUID user, TimeRange window) {
        return held(user, window).map(held -> held.stream().map(HeldTime::time).toList());
    }

    /**
     * The time the user's live bookings hold within {@code window} (as either party), each with the buffers it
     * keeps, ascending: one range query on the exclusion constraint's GiST index. It answers a single text value,
     * {@code start,end,before,after;...} (epoch microseconds, minutes), rather than a row per booking: with a
     * thousand bookings, decoding rows (or a driver-parsed array) cost several times the query itself.
     */
    public Mono<List<HeldTime>> held(UUID user, TimeRange window) {
        return db.sql("""
                        SELECT string_agg(CAST(extract(epoch FROM lower(during)) * 1000000 AS bigint) || ','
                                          || CAST(extract(epoch FROM upper(during)) * 1000000 AS bigint) || ','
                                          || buffer_before_minutes || ',' || buffer_after_minutes, ';'
                                          ORDER BY lower(during)) AS ranges
                          FROM booking_participant
                         WHERE user_id = :user
                           AND during && tstzrange(CAST(:from AS timestamptz), CAST(:to AS timestamptz), '[)')""")
                .bind("user", user)
                .bind("from", window.start())
                .bind("to", window.end())
                .map(row -> Optional.ofNullable(row.get("ranges", String.class)))
                .one()
                .map(ranges -> ranges.map(BookingStore::parseHeld).orElse(List.of()))
                .defaultIfEmpty(List.of());
    }

    /**
     * The starts of the live bookings between the two in {@code [from, to)}, leaving out {@code except} (a booking
     * being moved; null for none): what the weekly maximum counts.
     */
    public Mono<List<Instant>> pairStarts(UUID freelancerId, UUID clientId, Instant from, Instant to, UUID except) {
        return db.sql("""
                        SELECT start_at FROM booking
                         WHERE freelancer_id = :f AND client_id = :c AND cancelled_at IS NULL
                           AND start_at >= :from AND start_at < :to AND id <> :except""")
                .bind("f", freelancerId)
                .bind("c", clientId)
                .bind("from", from)
                .bind("to", to)
                .bind("except", except == null ? new UUID(0, 0) : except)
                .map(row -> row.get("start_at", Instant.class))
                .all()
                .collectList();
    }

    /** The freelancer's live bookings that start after {@code after}, ascending by start then id. */
    public Flux<Booking> liveOfFreelancerStartingAfter(UUID freelancerId, Instant after) {
        return db.sql("SELECT " + BookingRow.COLUMNS + " FROM booking WHERE freelancer_id = :f"
                        + " AND cancelled_at IS NULL AND start_at > :after ORDER BY start_at, id")
                .bind("f", freelancerId)
                .bind("after", after)
                .mapProperties(BookingRow.class)
                .all()
                .map(BookingRow::toBooking);
    }

    /** Reads {@code start,end,before,after;...} (epoch microseconds, possibly negative; minutes) into held times. */
    static List<HeldTime> parseHeld(String text) {
        List<HeldTime> held = new ArrayList<>(text.length() / 40 + 1);
        long[] fields = new long[4];
        int field = 0;
        int i = 0;
        while (i < text.length()) {
            boolean negative = text.charAt(i) == '-';
            if (negative) {
                i++;
            }
            long value = 0;
            while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + (text.charAt(i++) - '0');
            }
            fields[field++] = negative ? -value : value;
            if (field == 4) {
                held.add(new HeldTime(new TimeRange(ofEpochMicros(fields[0]), ofEpochMicros(fields[1])),
                        (int) fields[2], (int) fields[3]));
                field = 0;
            }
            i++; // the separator
        }
        return held;
    }

    private static Instant ofEpochMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /**
     * A page of the user's live bookings (as either party) that overlap {@code [from, to)} (null bounds are
     * open), ascending by start then id, starting after the given key when there is one.
     *
     * <p>Each side (the user as freelancer, as client) is read in start order from its own index and stops after
     * {@code limit} rows, so a page costs the same however many bookings the user has and wherever it starts. The
     * overlap is {@code start < to AND end > from}; as no booking is longer than
     * {@link BookingDetails#MAX_DURATION_MINUTES}, one that ends after {@code from} starts after {@code from} minus that,
     * which bounds the index range from below.
     */
    public Flux<Booking> list(UUID user, Instant from, Instant to, Instant afterStart, UUID afterId, int limit) {
        StringBuilder range = new StringBuilder();
        if (from != null) {
            range.append(" AND b.start_at > :earliestStart AND b.end_at > :from");
        }
        if (to != null) {
            range.append(" AND b.start_at < :to");
        }
        if (afterStart != null) {
            range.append(" AND (b.start_at, b.id) > (:afterStart, :afterId)");
        }
        String side = "SELECT " + prefixed("b.") + "FROM booking b WHERE b.%s = :user AND b.cancelled_at IS NULL"
                + range + " ORDER BY b.start_at, b.id LIMIT :limit";
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT " + BookingRow.COLUMNS + " FROM (("
                        + side.formatted("freelancer_id") + ") UNION ALL (" + side.formatted("client_id")
                        + ")) page ORDER BY start_at, id LIMIT :limit")
                .bind("user", user)
                .bind("limit", limit);
        if (from != null) {
            spec = spec.bind("from", from)
                    .bind("earliestStart", from.minus(Duration.ofMinutes(BookingDetails.MAX_DURATION_MINUTES)));
        }
        if (to != null) {
            spec = spec.bind("to", to);
        }
        if (afterStart != null) {
            spec = spec.bind("afterStart", afterStart).bind("afterId", afterId);
        }
        return spec.mapProperties(BookingRow.class).all().map(BookingRow::toBooking);
    }

    private static String prefixed(String alias) {
        return alias + String.join(", " + alias, BookingRow.COLUMNS.strip().split(",\\s*")) + " ";
    }

    private static boolean isOverlap(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PostgresqlException postgres) {
                return EXCLUSION_VIOLATION.equals(postgres.getErrorDetails().getCode())
                        && postgres.getErrorDetails().getConstraintName().map(NO_OVERLAP::equals).orElse(false);
            }
        }
        return false;
    }
}
