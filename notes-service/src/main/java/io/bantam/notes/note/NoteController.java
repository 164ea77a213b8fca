package io.bantam.notes.note;

import io.bantam.service.openapi.Refuses;
import io.bantam.service.paging.Cursors;
import io.bantam.service.paging.Page;
import io.bantam.service.problem.ApiException;
import io.bantam.service.security.CurrentUser;
import io.bantam.service.security.Role;
import io.bantam.service.validation.StorableText;
import jakarta.validation.Valid;
import java.util.UUID;
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
 * {@code /api/notes}: freelancers only, notes are their private memory (a client gets 403 before its body is
 * even read: bodies are taken as a {@code Mono}, decoded and validated only after the role check).
 */
@RestController
@RequestMapping("/api/notes")
@Refuses(status = 403, code = "role.forbidden", when = "the caller is not a freelancer (notes are a freelancer's own)")
class NoteController {

    private final NoteService notes;

    NoteController(NoteService notes) {
        this.notes = notes;
    }

    @PostMapping
    @Refuses(status = 422, code = "relationship.required", when = "`clientId` is not an actively connected client")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<NoteResponse> create(CurrentUser caller, @Valid @RequestBody Mono<CreateNoteRequest> body) {
        UUID freelancer = freelancer(caller);
        return body.flatMap(request -> notes.create(freelancer, request.clientId(), request.text()))
                .map(NoteResponse::of);
    }

    /** Newest first; {@code q} is a full-text query (see {@link NoteFilter}), {@code clientId} one client's notes. */
    @GetMapping
    Mono<Page<NoteResponse>> list(CurrentUser caller,
            @RequestParam(required = false) UUID clientId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        UUID freelancer = freelancer(caller);
        if (q != null && q.codePointCount(0, q.length()) > NoteFilter.QUERY_MAX) {
            throw ApiException.invalidField("q", "must be at most " + NoteFilter.QUERY_MAX + " characters");
        }
        if (q != null && !StorableText.Validator.isStorable(q)) {
            throw ApiException.invalidField("q", "must be valid Unicode text without NUL characters");
        }
        return notes.list(freelancer, new NoteFilter(clientId, q), NoteCursors.parse(cursor), Cursors.limit(limit))
                .map(page -> new Page<>(page.items().stream().map(NoteResponse::of).toList(), page.nextCursor()));
    }

    @GetMapping("/{id}")
    Mono<NoteResponse> get(CurrentUser caller, @PathVariable UUID id) {
        return notes.get(freelancer(caller), id).map(NoteResponse::of);
    }

    @PatchMapping("/{id}")
    Mono<NoteResponse> edit(CurrentUser caller, @PathVariable UUID id, @Valid @RequestBody Mono<EditNoteRequest> body) {
        UUID freelancer = freelancer(caller);
        return body.flatMap(request -> notes.edit(freelancer, id, request.text())).map(NoteResponse::of);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(CurrentUser caller, @PathVariable UUID id) {
        return notes.delete(freelancer(caller), id);
    }

    private static UUID freelancer(CurrentUser caller) {
        return caller.require(Role.FREELANCER).id();
    }
}
