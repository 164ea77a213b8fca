package io.bantam.identity.internal;

import io.bantam.identity.user.UserService;
import io.bantam.service.problem.ApiException;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * User lookups for other services, e.g. relationship-service when its projection does not know a user who signed
 * up a moment ago. Behind {@link ServiceCredentialFilter}; not routed by the gateway. Read-only.
 */
@RestController
@RequestMapping("/internal/users")
class InternalUserController {

    private final UserService users;

    InternalUserController(UserService users) {
        this.users = users;
    }

    /** The user with that email, compared case-insensitively; 404 when there is none. */
    @GetMapping(params = "email")
    Mono<InternalUserResponse> byEmail(@RequestParam String email) {
        return users.lookup(email).map(InternalUserResponse::of).switchIfEmpty(notFound());
    }

    @GetMapping("/{id}")
    Mono<InternalUserResponse> byId(@PathVariable UUID id) {
        return users.lookup(id).map(InternalUserResponse::of).switchIfEmpty(notFound());
    }

    private static Mono<InternalUserResponse> notFound() {
        return Mono.error(() -> ApiException.notFound("user.not-found", "There is no such user."));
    }
}
