package io.bantam.notes.note;

import io.bantam.service.paging.Cursors;
import io.bantam.service.paging.Page;
import io.bantam.service.problem.ApiException;
import io.bantam.service.relationship.RelationshipProjection;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A freelancer's notes. Every operation is scoped to the calling freelancer: another freelancer's note is not
 * found (404), never forbidden. A note may only be written about a client the freelancer is actively connected
 * to (422 {@code relationship.required}); notes written before the relationship ended stay readable, editable
 * and deletable (they are the freelancer's own memory; nothing new is created for that client).
 */
@Service
class NoteService {

    private final NoteStore store;
    private final RelationshipProjection relationships;
    private final Clock clock;

    NoteService(NoteStore store, RelationshipProjection relationships, Clock clock) {
        this.store = store;
        this.relationships = relationships;
        this.clock = clock;
    }

    Mono<Note> create(UUID freelancerId, UUID clientId, String text) {
        return relationships.requireActive(freelancerId, clientId)
                .then(Mono.defer(() -> store.insert(
                        Note.create(UUID.randomUUID(), freelancerId, clientId, text, clock.instant()))));
    }

    Mono<Note> get(UUID freelancerId, UUID id) {
        return store.find(freelancerId, id).switchIfEmpty(notFound());
    }

    Mono<Note> edit(UUID freelancerId, UUID id, String text) {
        return store.updateText(freelancerId, id, text, clock.instant()).switchIfEmpty(notFound());
    }

    Mono<Void> delete(UUID freelancerId, UUID id) {
        return store.delete(freelancerId, id)
                .flatMap(deleted -> deleted ? Mono.<Void>empty() : notFound());
    }

    /** One page of the freelancer's notes, newest first, starting after {@code after} (null: from the newest). */
    Mono<Page<Note>> list(UUID freelancerId, NoteFilter filter, NotePosition after, int limit) {
        return store.list(freelancerId, filter, after, limit + 1)
                .collectList()
                .map(notes -> Cursors.page(notes, limit, NoteCursors::of));
    }

    private static <T> Mono<T> notFound() {
        return Mono.error(() -> ApiException.notFound("There is no such note."));
    }
}
