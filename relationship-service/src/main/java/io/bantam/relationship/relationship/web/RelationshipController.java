package io.bantam.relationship.relationship.web;

import io.bantam.relationship.relationship.RelationshipCursors;
import io.bantam.relationship.relationship.RelationshipService;
import io.bantam.relationship.relationship.domain.StatusFilter;
import io.bantam.service.openapi.Refuses;
import io.bantam.service.paging.Cursors;
import io.bantam.service.paging.Page;
import io.bantam.service.security.CurrentUser;
import io.bantam.service.security.Role;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/relationships}. Only freelancers connect and end (a client gets 403 before its body is even read:
 * bodies are taken as a {@code Mono}, decoded and validated after the role check); both parties read.
 */
@RestController
@RequestMapping("/api/relationships")
class RelationshipController {

    private final RelationshipService relationships;

    RelationshipController(RelationshipService relationships) {
        this.relationships = relationships;
    }

    @PostMapping
    @Refuses(status = 403, code = "role.forbidden", when = "the caller is not a freelancer")
    @Refuses(status = 404, code = "client.not-found", when = "no CLIENT user has this email")
    @Refuses(status = 409, code = "relationship.exists", when = "the two are connected already")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<RelationshipResponse> connect(CurrentUser caller, @Valid @RequestBody Mono<ConnectRequest> body) {
        UUID freelancer = caller.require(Role.FREELANCER).id();
        return body.flatMap(request -> relationships.connect(freelancer, request.clientEmail()))
                .map(RelationshipResponse::of);
    }

    @GetMapping
    Mono<Page<RelationshipResponse>> list(CurrentUser caller,
            @RequestParam(defaultValue = "ACTIVE") StatusFilter status,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return relationships.list(caller, status, RelationshipCursors.parse(cursor), Cursors.limit(limit))
                .map(page -> new Page<>(page.items().stream().map(RelationshipResponse::of).toList(),
                        page.nextCursor()));
    }

    @GetMapping("/{id}")
    Mono<RelationshipResponse> get(CurrentUser caller, @PathVariable UUID id) {
        return relationships.get(caller, id).map(RelationshipResponse::of);
    }

    @DeleteMapping("/{id}")
    @Refuses(status = 403, code = "role.forbidden", when = "the caller is not a freelancer (the freelancer ends it)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> end(CurrentUser caller, @PathVariable UUID id) {
        return relationships.end(caller.require(Role.FREELANCER).id(), id);
    }
}
