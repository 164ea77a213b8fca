package io.bantam.booking.availability.persistence;

import io.bantam.booking.availability.domain.WeeklyAvailability;
import io.bantam.booking.availability.domain.WeeklyWindow;
import io.bantam.booking.time.TimeOfDay;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Weekly availability in {@code availability} and {@code availability_window}. */
@Repository
public class AvailabilityStore {

    private final DatabaseClient db;

    AvailabilityStore(DatabaseClient db) {
        this.db = db;
    }

    /** The freelancer's availability, or empty when it has published none. */
    public Mono<WeeklyAvailability> find(UUID freelancerId) {
        return db.sql("""
                        SELECT a.time_zone, w.day_of_week, w.start_minute, w.end_minute
                          FROM availability a
                          LEFT JOIN availability_window w ON w.freelancer_id = a.freelancer_id
                         WHERE a.freelancer_id = :id""")
                .bind("id", freelancerId)
                .mapProperties(WindowRow.class)
                .all()
                .collectList()
                .filter(rows -> !rows.isEmpty())
                .map(AvailabilityStore::toAvailability);
    }

    /** Replaces the freelancer's availability with the given one; call it inside a transaction. */
    public Mono<Void> replace(UUID freelancerId, WeeklyAvailability availability, Instant now) {
        Mono<Void> upsert = db.sql("""
                        INSERT INTO availability (freelancer_id, time_zone, updated_at)
                        VALUES (:id, :zone, :now)
                        ON CONFLICT (freelancer_id) DO UPDATE
                           SET time_zone = EXCLUDED.time_zone, updated_at = EXCLUDED.updated_at""")
                .bind("id", freelancerId)
                .bind("zone", availability.zone().getId())
                .bind("now", now)
                .then();
        Mono<Void> clear = db.sql("DELETE FROM availability_window WHERE freelancer_id = :id")
                .bind("id", freelancerId)
                .then();
        Mono<Void> insert = Flux.fromIterable(availability.windows())
                .concatMap(window -> db.sql("""
                                INSERT INTO availability_window (freelancer_id, day_of_week, start_minute, end_minute)
                                VALUES (:id, :day, :start, :end)""")
                        .bind("id", freelancerId)
                        .bind("day", (short) window.day().getValue())
                        .bind("start", (short) window.start().minuteOfDay())
                        .bind("end", (short) window.end().minuteOfDay())
                        .then())
                .then();
        return upsert.then(clear).then(insert);
    }

    private static WeeklyAvailability toAvailability(List<WindowRow> rows) {
        List<WeeklyWindow> windows = new ArrayList<>();
        for (WindowRow row : rows) {
            if (row.dayOfWeek() != null) {
                windows.add(new WeeklyWindow(DayOfWeek.of(row.dayOfWeek()), new TimeOfDay(row.startMinute()),
                        new TimeOfDay(row.endMinute())));
            }
        }
        return new WeeklyAvailability(ZoneId.of(rows.get(0).timeZone()), windows);
    }
}
