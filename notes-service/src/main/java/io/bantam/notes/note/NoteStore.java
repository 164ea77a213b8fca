package io.bantam.notes.note;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Notes in {@code note}. Every read and write names the owning freelancer: another freelancer's note is simply
 * not found. Public for the search benchmark (deploy/bench/notes), which runs this very SQL.
 */
@Repository
public class NoteStore {

    private final DatabaseClient db;

    public NoteStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Note> insert(Note note) {
        return db.sql("INSERT INTO note (" + NoteRow.COLUMNS + ")"
                        + " VALUES (:id, :freelancerId, :clientId, :text, :createdAt, :updatedAt)")
                .bindProperties(NoteRow.of(note))
                .then()
                .thenReturn(note);
    }

    /** The freelancer's note, or empty when there is none with that id or it is another's. */
    public Mono<Note> find(UUID freelancerId, UUID id) {
        return db.sql("SELECT " + NoteRow.COLUMNS + " FROM note WHERE id = :id AND freelancer_id = :freelancer")
                .bind("id", id)
                .bind("freelancer", freelancerId)
                .mapProperties(NoteRow.class)
                .one()
                .map(NoteRow::toNote);
    }

    /**
     * Sets the text of the freelancer's note and answers the note as stored; empty when it has no such note.
     * {@code updatedAt} moves only when the text changes. One statement: no read-modify-write to race.
     */
    public Mono<Note> updateText(UUID freelancerId, UUID id, String text, Instant now) {
        return db.sql("UPDATE note SET text = :text, updated_at = CASE WHEN text = :text THEN updated_at ELSE :now END"
                        + " WHERE id = :id AND freelancer_id = :freelancer RETURNING " + NoteRow.COLUMNS)
                .bind("id", id)
                .bind("freelancer", freelancerId)
                .bind("text", text)
                .bind("now", now.truncatedTo(ChronoUnit.MICROS))
                .mapProperties(NoteRow.class)
                .one()
                .map(NoteRow::toNote);
    }

    /** Whether the freelancer had such a note (and now has not). */
    public Mono<Boolean> delete(UUID freelancerId, UUID id) {
        return db.sql("DELETE FROM note WHERE id = :id AND freelancer_id = :freelancer")
                .bind("id", id)
                .bind("freelancer", freelancerId)
                .fetch()
                .rowsUpdated()
                .map(deleted -> deleted > 0);
    }

    /** Up to {@code fetch} of the freelancer's notes matching the filter, newest first, after a position. */
    public Flux<Note> list(UUID freelancerId, NoteFilter filter, NotePosition after, int fetch) {
        NoteQuery query = NoteQuery.page(freelancerId, filter, after, fetch);
        GenericExecuteSpec spec = db.sql(query.sql());
        for (Map.Entry<String, Object> parameter : query.parameters().entrySet()) {
            spec = spec.bind(parameter.getKey(), parameter.getValue());
        }
        return spec.mapProperties(NoteRow.class).all().map(NoteRow::toNote);
    }
}
