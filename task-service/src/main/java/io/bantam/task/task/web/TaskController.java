package io.bantam.task.task.web;

import io.bantam.service.openapi.Refuses;
import io.bantam.service.paging.Cursors;
import io.bantam.service.paging.Page;
import io.bantam.service.problem.ApiException;
import io.bantam.service.security.CurrentUser;
import io.bantam.service.security.Role;
import io.bantam.task.task.TaskCursors;
import io.bantam.task.task.TaskService;
import io.bantam.task.task.domain.DueDates;
import io.bantam.task.task.domain.Priority;
import io.bantam.task.task.domain.TaskFilter;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/tasks}: freelancers only (a client gets 403 before its body is even read: bodies are taken as
 * a {@code Mono}, decoded and validated only after the role check).
 */
@RestController
@RequestMapping("/api/tasks")
@Refuses(status = 403, code = "role.forbidden", when = "the caller is not a freelancer (tasks are a freelancer's own)")
class TaskController {

    private final TaskService tasks;

    TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @PostMapping
    @Refuses(status = 422, code = "relationship.required", when = "`clientId` is not an actively connected client")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TaskResponse> create(CurrentUser caller, @Valid @RequestBody Mono<CreateTaskRequest> body) {
        UUID freelancer = freelancer(caller);
        return body.flatMap(request -> tasks.create(freelancer, request.toNewTask())).map(TaskResponse::of);
    }

    @GetMapping
    Mono<Page<TaskResponse>> list(CurrentUser caller,
            @RequestParam(required = false) Boolean completed,
            @RequestParam(required = false) UUID clientId,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        UUID freelancer = freelancer(caller);
        if (!DueDates.isValid(dueBefore)) {
            throw ApiException.invalidField("dueBefore", DueDates.RANGE_MESSAGE);
        }
        TaskFilter filter = new TaskFilter(completed, clientId, priority, dueBefore);
        return tasks.list(freelancer, filter, TaskCursors.parse(cursor), Cursors.limit(limit))
                .map(page -> new Page<>(page.items().stream().map(TaskResponse::of).toList(), page.nextCursor()));
    }

    @GetMapping("/{id}")
    Mono<TaskResponse> get(CurrentUser caller, @PathVariable UUID id) {
        return tasks.get(freelancer(caller), id).map(TaskResponse::of);
    }

    @PatchMapping("/{id}")
    @Refuses(status = 422, code = "relationship.required", when = "`clientId` is not an actively connected client")
    Mono<TaskResponse> update(CurrentUser caller, @PathVariable UUID id,
            @Valid @RequestBody Mono<PatchTaskRequest> body) {
        UUID freelancer = freelancer(caller);
        return body.map(PatchTaskRequest::toChange)
                .flatMap(change -> tasks.update(freelancer, id, change))
                .map(TaskResponse::of);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(CurrentUser caller, @PathVariable UUID id) {
        return tasks.delete(freelancer(caller), id);
    }

    private static UUID freelancer(CurrentUser caller) {
        return caller.require(Role.FREELANCER).id();
    }
}
