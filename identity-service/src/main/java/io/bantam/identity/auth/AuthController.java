package io.bantam.identity.auth;

import io.bantam.identity.ratelimit.ClientAddressResolver;
import io.bantam.service.openapi.Refuses;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Public endpoints: signup, login, refresh and logout. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final AuthService auth;
    private final ClientAddressResolver clientAddresses;

    AuthController(AuthService auth, ClientAddressResolver clientAddresses) {
        this.auth = auth;
        this.clientAddresses = clientAddresses;
    }

    @PostMapping("/signup")
    @Refuses(status = 409, code = "user.email-taken",
            when = "a user has this email already (emails compare case-insensitively)")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SessionResponse> signup(@Valid @RequestBody SignupRequest body) {
        return auth.signup(body.email(), body.password(), body.name(), body.role(), body.timeZone())
                .map(SessionResponse::of);
    }

    @PostMapping("/login")
    @Refuses(status = 401, code = "auth.bad-credentials",
            when = "the email is unknown or the password wrong (one answer for both)")
    @Refuses(status = 429, code = "rate-limited",
            when = "there were too many attempts for this email or from this address; "
                    + "try again after `Retry-After` seconds")
    Mono<SessionResponse> login(@Valid @RequestBody LoginRequest body, ServerHttpRequest request) {
        return auth.login(body.email(), body.password(), clientAddresses.resolve(request))
                .map(SessionResponse::of);
    }

    @PostMapping("/refresh")
    @Refuses(status = 401, code = "auth.refresh-invalid", when = "the refresh token is unknown, expired or revoked")
    @Refuses(status = 401, code = "auth.refresh-reused",
            when = "the refresh token was used before: every refresh token of the same login is revoked")
    Mono<SessionResponse> refresh(@Valid @RequestBody RefreshTokenRequest body) {
        return auth.refresh(body.refreshToken()).map(SessionResponse::of);
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(@Valid @RequestBody RefreshTokenRequest body) {
        return auth.logout(body.refreshToken());
    }
}
