package io.bantam.task.preparation.persistence;

import io.bantam.task.preparation.domain.PreparationSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Preparation settings ({@code preparation_settings}), what this service knows of each booking
 * ({@code booking_preparation}, with its cancellation tombstone) and the preparation tasks in {@code task}. Every
 * write is a single statement whose outcome does not depend on how often or in which order it runs.
 */
@Repository
public class PreparationStore {

    private final DatabaseClient db;

    PreparationStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<PreparationSettings> settings(UUID freelancerId) {
        return db.sql("""
                        SELECT prepare_for_bookings, prepare_days_before FROM preparation_settings
                         WHERE freelancer_id = :freelancer""")
                .bind("freelancer", freelancerId)
                .map(row -> new PreparationSettings(Boolean.TRUE.equals(row.get("prepare_for_bookings", Boolean.class)),
                        row.get("prepare_days_before", Integer.class)))
                .one()
                .defaultIfEmpty(PreparationSettings.DEFAULT);
    }

    public Mono<PreparationSettings> saveSettings(UUID freelancerId, PreparationSettings settings, Instant now) {
        return db.sql("""
                        INSERT INTO preparation_settings (freelancer_id, prepare_for_bookings, prepare_days_before,
                                                          updated_at)
                        VALUES (:freelancer, :on, :days, :now)
                        ON CONFLICT (freelancer_id) DO UPDATE
                           SET prepare_for_bookings = EXCLUDED.prepare_for_bookings,
                               prepare_days_before = EXCLUDED.prepare_days_before,
                               updated_at = EXCLUDED.updated_at""")
                .bind("freelancer", freelancerId)
                .bind("on", settings.prepareForBookings())
                .bind("days", settings.prepareDaysBefore())
                .bind("now", utc(now))
                .then()
                .thenReturn(settings);
    }

    /** What this service knows of a booking: where it starts, in which zone, and whether it was cancelled. */
    public record BookingState(Instant start, String timeZone, boolean cancelled) {
    }

    /**
     * Records the booking as of {@code asOf} when nothing newer is known and it is not cancelled; emits whether this
     * version is now the one recorded.
     */
    public Mono<Boolean> recordBooking(UUID bookingId, UUID freelancerId, Instant start, String timeZone,
            Instant asOf) {
        return db.sql("""
                        INSERT INTO booking_preparation (booking_id, freelancer_id, start_at, time_zone, as_of)
                        VALUES (:booking, :freelancer, :start, :zone, :asOf)
                        ON CONFLICT (booking_id) DO UPDATE
                           SET start_at = EXCLUDED.start_at, time_zone = EXCLUDED.time_zone, as_of = EXCLUDED.as_of
                         WHERE booking_preparation.as_of < EXCLUDED.as_of
                           AND booking_preparation.cancelled_at IS NULL""")
                .bind("booking", bookingId)
                .bind("freelancer", freelancerId)
                .bind("start", utc(start))
                .bind("zone", Parameter.fromOrEmpty(timeZone, String.class))
                .bind("asOf", utc(asOf))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** Marks the booking cancelled, once and for all (the first cancellation's time stays). */
    public Mono<Void> recordCancellation(UUID bookingId, UUID freelancerId, Instant start, String timeZone,
            Instant at) {
        return db.sql("""
                        INSERT INTO booking_preparation (booking_id, freelancer_id, start_at, time_zone, as_of,
                                                         cancelled_at)
                        VALUES (:booking, :freelancer, :start, :zone, :at, :at)
                        ON CONFLICT (booking_id) DO UPDATE
                           SET cancelled_at = COALESCE(booking_preparation.cancelled_at, EXCLUDED.cancelled_at)""")
                .bind("booking", bookingId)
                .bind("freelancer", freelancerId)
                .bind("start", utc(start))
                .bind("zone", Parameter.fromOrEmpty(timeZone, String.class))
                .bind("at", utc(at))
                .then();
    }

    public Mono<BookingState> booking(UUID bookingId) {
        return db.sql("SELECT start_at, time_zone, cancelled_at FROM booking_preparation WHERE booking_id = :booking")
                .bind("booking", bookingId)
                .map(row -> new BookingState(row.get("start_at", Instant.class),
                        row.get("time_zone", String.class), row.get("cancelled_at") != null))
                .one();
    }

    /** The preparation task of a booking, unless the booking already has one (emits whether it was made). */
    public Mono<Boolean> insertTask(UUID bookingId, UUID freelancerId, UUID clientId, String title, LocalDate due,
            Instant now) {
        return db.sql("""
                        INSERT INTO task (id, freelancer_id, client_id, title, description, priority, completed,
                                          due_date, created_at, updated_at, booking_id, booking_due_date)
                        VALUES (:id, :freelancer, :client, :title, '', 'MEDIUM', false, :due, :now, :now, :booking,
                                :due)
                        ON CONFLICT (booking_id) WHERE booking_id IS NOT NULL DO NOTHING""")
                .bind("id", UUID.randomUUID())
                .bind("freelancer", freelancerId)
                .bind("client", clientId)
                .bind("title", title)
                .bind("due", due)
                .bind("now", utc(now))
                .bind("booking", bookingId)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    /**
     * Moves the booking's task to {@code due}, unless the freelancer gave it another date itself (its date is no longer
     * the one the booking gave it) or completed it.
     */
    public Mono<Void> moveTask(UUID bookingId, LocalDate due, Instant now) {
        return db.sql("""
                        UPDATE task SET due_date = :due, booking_due_date = :due, updated_at = :now
                         WHERE booking_id = :booking AND NOT completed
                           AND due_date IS NOT DISTINCT FROM booking_due_date
                           AND due_date IS DISTINCT FROM :due""")
                .bind("booking", bookingId)
                .bind("due", due)
                .bind("now", utc(now))
                .then();
    }

    /** Deletes the booking's task unless the freelancer completed or edited it. */
    public Mono<Void> deleteTask(UUID bookingId) {
        return db.sql("DELETE FROM task WHERE booking_id = :booking AND NOT completed AND NOT edited")
                .bind("booking", bookingId)
                .then();
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
