package io.bantam.booking.rules.persistence;

import io.bantam.booking.rules.domain.BookingRules;
import io.bantam.booking.rules.domain.ClientRules;
import io.bantam.booking.rules.domain.DateOverride;
import io.bantam.booking.rules.domain.TimeOff;
import io.bantam.booking.time.TimeOfDay;
import io.bantam.booking.time.TimeRange;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Booking rules ({@code booking_rules}, {@code client_booking_rules}), date overrides ({@code date_override})
 * and time off ({@code time_off}); and the freelancer's booking lock.
 */
@Repository
public class RulesStore {

    private final DatabaseClient db;

    RulesStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Takes the freelancer's booking lock until the end of the current transaction (a PostgreSQL
     * transaction-scoped advisory lock): client bookings of one freelancer are decided one at a time, so the
     * buffers and the weekly maximum hold under any concurrency. Every transaction takes it before writing any
     * booking row, so it cannot take part in a deadlock with the rows' own locks.
     */
    public Mono<Void> lockFreelancer(UUID freelancerId) {
        return db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .bind("key", "bantam.booking-rules:" + freelancerId)
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** The freelancer's default rules ({@link BookingRules#DEFAULTS} until it sets any). */
    public Mono<BookingRules> rules(UUID freelancerId) {
        return db.sql("""
                        SELECT buffer_before_minutes, buffer_after_minutes, minimum_notice_minutes, horizon_days,
                               max_bookings_per_week, change_cutoff_minutes
                          FROM booking_rules WHERE freelancer_id = :f""")
                .bind("f", freelancerId)
                .map(row -> new BookingRules(integer(row, "buffer_before_minutes"), integer(row, "buffer_after_minutes"),
                        integer(row, "minimum_notice_minutes"), integer(row, "horizon_days"),
                        row.get("max_bookings_per_week", Integer.class), integer(row, "change_cutoff_minutes")))
                .one()
                .defaultIfEmpty(BookingRules.DEFAULTS);
    }

    public Mono<BookingRules> saveRules(UUID freelancerId, BookingRules rules, Instant now) {
        return db.sql("""
                        INSERT INTO booking_rules (freelancer_id, buffer_before_minutes, buffer_after_minutes,
                                                   minimum_notice_minutes, horizon_days, max_bookings_per_week,
                                                   change_cutoff_minutes, updated_at)
                        VALUES (:f, :bb, :ba, :notice, :horizon, :max, :cutoff, :now)
                        ON CONFLICT (freelancer_id) DO UPDATE
                           SET buffer_before_minutes = EXCLUDED.buffer_before_minutes,
                               buffer_after_minutes = EXCLUDED.buffer_after_minutes,
                               minimum_notice_minutes = EXCLUDED.minimum_notice_minutes,
                               horizon_days = EXCLUDED.horizon_days,
                               max_bookings_per_week = EXCLUDED.max_bookings_per_week,
                               change_cutoff_minutes = EXCLUDED.change_cutoff_minutes,
                               updated_at = EXCLUDED.updated_at""")
                .bind("f", freelancerId)
                .bind("bb", rules.bufferBeforeMinutes())
                .bind("ba", rules.bufferAfterMinutes())
                .bind("notice", rules.minimumNoticeMinutes())
                .bind("horizon", rules.horizonDays())
                .bind("max", Parameter.fromOrEmpty(rules.maxBookingsPerWeek(), Integer.class))
                .bind("cutoff", rules.changeCutoffMinutes())
                .bind("now", now)
                .then()
                .thenReturn(rules);
    }

    /** The client's own rules with the freelancer (all null until any is set). */
    public Mono<ClientRules> clientRules(UUID freelancerId, UUID clientId) {
        return db.sql("""
                        SELECT buffer_before_minutes, buffer_after_minutes, minimum_notice_minutes, horizon_days,
                               max_bookings_per_week, change_cutoff_minutes
                          FROM client_booking_rules WHERE freelancer_id = :f AND client_id = :c""")
                .bind("f", freelancerId)
                .bind("c", clientId)
                .map(row -> new ClientRules(clientId, row.get("buffer_before_minutes", Integer.class),
                        row.get("buffer_after_minutes", Integer.class), row.get("minimum_notice_minutes", Integer.class),
                        row.get("horizon_days", Integer.class), row.get("max_bookings_per_week", Integer.class),
                        row.get("change_cutoff_minutes", Integer.class)))
                .one()
                .defaultIfEmpty(ClientRules.none(clientId));
    }

    public Mono<ClientRules> saveClientRules(UUID freelancerId, ClientRules rules, Instant now) {
        return db.sql("""
                        INSERT INTO client_booking_rules (freelancer_id, client_id, buffer_before_minutes,
                                                          buffer_after_minutes, minimum_notice_minutes, horizon_days,
                                                          max_bookings_per_week, change_cutoff_minutes, updated_at)
                        VALUES (:f, :c, :bb, :ba, :notice, :horizon, :max, :cutoff, :now)
                        ON CONFLICT (freelancer_id, client_id) DO UPDATE
                           SET buffer_before_minutes = EXCLUDED.buffer_before_minutes,
                               buffer_after_minutes = EXCLUDED.buffer_after_minutes,
                               minimum_notice_minutes = EXCLUDED.minimum_notice_minutes,
                               horizon_days = EXCLUDED.horizon_days,
                               max_bookings_per_week = EXCLUDED.max_bookings_per_week,
                               change_cutoff_minutes = EXCLUDED.change_cutoff_minutes,
                               updated_at = EXCLUDED.updated_at""")
                .bind("f", freelancerId)
                .bind("c", rules.clientId())
                .bind("bb", Parameter.fromOrEmpty(rules.bufferBeforeMinutes(), Integer.class))
                .bind("ba", Parameter.fromOrEmpty(rules.bufferAfterMinutes(), Integer.class))
                .bind("notice", Parameter.fromOrEmpty(rules.minimumNoticeMinutes(), Integer.class))
                .bind("horizon", Parameter.fromOrEmpty(rules.horizonDays(), Integer.class))
                .bind("max", Parameter.fromOrEmpty(rules.maxBookingsPerWeek(), Integer.class))
                .bind("cutoff", Parameter.fromOrEmpty(rules.changeCutoffMinutes(), Integer.class))
                .bind("now", now)
                .then()
                .thenReturn(rules);
    }

    /** The freelancer's overrides of the dates {@code from}..{@code to} (inclusive; null: open), by date. */
    public Mono<List<DateOverride>> overrides(UUID freelancerId, LocalDate from, LocalDate to) {
        return db.sql("""
                        SELECT on_date, windows FROM date_override
                         WHERE freelancer_id = :f AND on_date >= :from AND on_date <= :to
                         ORDER BY on_date""")
                .bind("f", freelancerId)
                .bind("from", from == null ? LocalDate.of(1, 1, 1) : from)
                .bind("to", to == null ? LocalDate.of(9999, 12, 31) : to)
                .map(row -> toOverride(row.get("on_date", LocalDate.class), row.get("windows", Short[].class)))
                .all()
                .collectList();
    }

    public Mono<DateOverride> putOverride(UUID freelancerId, DateOverride override, Instant now) {
        Short[] windows = new Short[override.windows().size() * 2];
        for (int i = 0; i < override.windows().size(); i++) {
            windows[2 * i] = (short) override.windows().get(i).start().minuteOfDay();
            windows[2 * i + 1] = (short) override.windows().get(i).end().minuteOfDay();
        }
        return db.sql("""
                        INSERT INTO date_override (freelancer_id, on_date, windows, updated_at)
                        VALUES (:f, :date, :windows, :now)
                        ON CONFLICT (freelancer_id, on_date) DO UPDATE
                           SET windows = EXCLUDED.windows, updated_at = EXCLUDED.updated_at""")
                .bind("f", freelancerId)
                .bind("date", override.date())
                .bind("windows", windows)
                .bind("now", now)
                .then()
                .thenReturn(override);
    }

    /** Whether there was an override to delete. */
    public Mono<Boolean> deleteOverride(UUID freelancerId, LocalDate date) {
        return db.sql("DELETE FROM date_override WHERE freelancer_id = :f AND on_date = :date")
                .bind("f", freelancerId)
                .bind("date", date)
                .fetch()
                .rowsUpdated()
                .map(count -> count > 0);
    }

    /** The freelancer's time off overlapping {@code window}, ascending by start. */
    public Mono<List<TimeOff>> timeOff(UUID freelancerId, TimeRange window) {
        return db.sql("""
                        SELECT id, start_at, end_at, note FROM time_off
                         WHERE freelancer_id = :f AND end_at > :from AND start_at < :to
                         ORDER BY start_at, id""")
                .bind("f", freelancerId)
                .bind("from", window.start())
                .bind("to", window.end())
                .map(RulesStore::toTimeOff)
                .all()
                .collectList();
    }

    public Mono<TimeOff> insertTimeOff(UUID freelancerId, TimeOff timeOff, Instant now) {
        return db.sql("""
                        INSERT INTO time_off (id, freelancer_id, start_at, end_at, note, created_at)
                        VALUES (:id, :f, :start, :end, :note, :now)""")
                .bind("id", timeOff.id())
                .bind("f", freelancerId)
                .bind("start", timeOff.time().start())
                .bind("end", timeOff.time().end())
                .bind("note", Parameter.fromOrEmpty(timeOff.note(), String.class))
                .bind("now", now)
                .then()
                .thenReturn(timeOff);
    }

    /** Whether the freelancer had that time off to delete. */
    public Mono<Boolean> deleteTimeOff(UUID freelancerId, UUID id) {
        return db.sql("DELETE FROM time_off WHERE freelancer_id = :f AND id = :id")
                .bind("f", freelancerId)
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .map(count -> count > 0);
    }

    private static TimeOff toTimeOff(Readable row) {
        return new TimeOff(row.get("id", UUID.class), new TimeRange(row.get("start_at", Instant.class),
                row.get("end_at", Instant.class)), row.get("note", String.class));
    }

    private static DateOverride toOverride(LocalDate date, Short[] minutes) {
        List<DateOverride.Window> windows = new ArrayList<>(minutes.length / 2);
        for (int i = 0; i + 1 < minutes.length; i += 2) {
            windows.add(new DateOverride.Window(new TimeOfDay(minutes[i]), new TimeOfDay(minutes[i + 1])));
        }
        return new DateOverride(date, windows);
    }

    private static int integer(Readable row, String column) {
        Integer value = row.get(column, Integer.class);
        return value == null ? 0 : value;
    }
}
