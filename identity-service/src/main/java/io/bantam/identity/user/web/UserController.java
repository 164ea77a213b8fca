package io.bantam.identity.user.web;

import io.bantam.identity.user.UserService;
import io.bantam.service.security.CurrentUser;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's own user: {@code GET} and {@code PATCH /api/users/me}. */
@RestController
@RequestMapping("/api/users")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping("/me")
    Mono<UserResponse> me(CurrentUser caller) {
        return users.get(caller.id()).map(UserResponse::of);
    }

    @PatchMapping("/me")
    Mono<UserResponse> updateMe(CurrentUser caller, @Valid @RequestBody PatchMeRequest body) {
        return Mono.fromCallable(body::toChange)
                .flatMap(change -> users.updateProfile(caller.id(), change))
                .map(UserResponse::of);
    }
}
