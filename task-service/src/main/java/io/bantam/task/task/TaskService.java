package io.bantam.task.task;

import io.bantam.service.paging.Cursors;
import io.bantam.service.paging.Page;
import io.bantam.service.problem.ApiException;
import io.bantam.service.relationship.RelationshipProjection;
import io.bantam.task.task.domain.NewTask;
import io.bantam.task.task.domain.Task;
import io.bantam.task.task.domain.TaskChange;
import io.bantam.task.task.domain.TaskFilter;
import io.bantam.task.task.domain.TaskPosition;
import io.bantam.task.task.persistence.TaskStore;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * A freelancer's tasks. Every operation is scoped to the calling freelancer: another freelancer's task is
 * not found (404), never forbidden, so its existence is not revealed. A task may only be attached to a client
 * the freelancer is actively connected to (422 {@code relationship.required}); a task already attached stays
 * readable and editable after the relationship ends.
 */
@Service
public class TaskService {

    private final TaskStore store;
    private final RelationshipProjection relationships;
    private final Clock clock;

    TaskService(TaskStore store, RelationshipProjection relationships, Clock clock) {
        this.store = store;
        this.relationships = relationships;
        this.clock = clock;
    }

    public Mono<Task> create(UUID freelancerId, NewTask request) {
        Mono<Void> connected = request.clientId() == null ? Mono.empty()
                : relationships.requireActive(freelancerId, request.clientId());
        return connected.then(Mono.defer(
                () -> store.insert(Task.create(UUID.randomUUID(), freelancerId, request, clock.instant()))));
    }

    public Mono<Task> get(UUID freelancerId, UUID id) {
        return store.find(freelancerId, id).switchIfEmpty(notFound());
    }

    /** Applies a change under a row lock, so concurrent partial updates of one task never lose each other. */
    @Transactional
    public Mono<Task> update(UUID freelancerId, UUID id, TaskChange change) {
        return store.findForUpdate(freelancerId, id)
                .switchIfEmpty(notFound())
                .flatMap(task -> task.newClientOf(change)
                        .map(client -> relationships.requireActive(freelancerId, client))
                        .orElse(Mono.empty())
                        .then(Mono.defer(() -> {
                            Task changed = task.apply(change, clock.instant());
                            return changed == task ? Mono.just(task) : store.update(changed);
                        })));
    }

    public Mono<Void> delete(UUID freelancerId, UUID id) {
        return store.delete(freelancerId, id)
                .flatMap(deleted -> deleted ? Mono.<Void>empty() : notFound());
    }

    /** One page of the freelancer's tasks in list order, starting after {@code after} (null: from the start). */
    public Mono<Page<Task>> list(UUID freelancerId, TaskFilter filter, TaskPosition after, int limit) {
        return store.list(freelancerId, filter, after, limit + 1)
                .collectList()
                .map(tasks -> Cursors.page(tasks, limit, TaskCursors::of));
    }

    private static <T> Mono<T> notFound() {
        return Mono.error(() -> ApiException.notFound("There is no such task."));
    }
}
