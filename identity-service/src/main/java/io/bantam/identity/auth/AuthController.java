package io.bantam.identity.auth;

import io.bantam.identity.ratelimit.ClientAddressResolver;
import io.bantam.service.openapi.Refuses;
import io.bantam.service.problem.ApiException;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Public endpoints: signup, login, refresh and logout. Each also serves the browser's session: with
 * {@code Bantam-Session: cookie} the refresh token travels in an {@code HttpOnly} cookie instead of the JSON
 * ({@link BrowserSessions}, docs/web-session.md).
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    static final String SESSION_HEADER = "Browsers only (the web UI): `cookie` makes this a browser session. The "
            + "refresh token is then set as the cookie `bantam_refresh` (HttpOnly; Secure; SameSite=Strict; "
            + "Path=/api/auth) and answered as `refreshToken: null`; refresh and logout read it from the cookie and "
            + "take no body (or `{}`). Honoured only from the API's own origin or a configured one. Without it, the "
            + "refresh token travels in the JSON. See docs/web-session.md.";
    static final String FOREIGN_ORIGIN = "`Bantam-Session: cookie` comes from a page whose origin is neither the API's "
            + "own nor a configured one";
    static final String REFRESH_BODY = "`{refreshToken}`: required, except in a browser session "
            + "(`Bantam-Session: cookie`), where the body is absent or `{}`";

    private static final String HEADER = BrowserSessions.HEADER;

    private final AuthService auth;
    private final ClientAddressResolver clientAddresses;
    private final BrowserSessions browser;

    AuthController(AuthService auth, ClientAddressResolver clientAddresses, BrowserSessions browser) {
        this.auth = auth;
        this.clientAddresses = clientAddresses;
        this.browser = browser;
    }

    @PostMapping("/signup")
    @Refuses(status = 409, code = "user.email-taken",
            when = "a user has this email already (emails compare case-insensitively)")
    @Refuses(status = 403, code = "request.origin-not-allowed",
            when = FOREIGN_ORIGIN)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SessionResponse> signup(
            @Parameter(description = SESSION_HEADER) @RequestHeader(name = HEADER, required = false) String session,
            @Valid @RequestBody SignupRequest body, ServerHttpRequest request, ServerHttpResponse response) {
        boolean cookie = browser.requested(request);
        return auth.signup(body.email(), body.password(), body.name(), body.role(), body.timeZone())
                .map(started -> answer(started, cookie, response));
    }

    @PostMapping("/login")
    @Refuses(status = 401, code = "auth.bad-credentials",
            when = "the email is unknown or the password wrong (one answer for both)")
    @Refuses(status = 429, code = "rate-limited",
            when = "there were too many attempts for this email or from this address; "
                    + "try again after `Retry-After` seconds")
    @Refuses(status = 403, code = "request.origin-not-allowed",
            when = FOREIGN_ORIGIN)
    Mono<SessionResponse> login(
            @Parameter(description = SESSION_HEADER) @RequestHeader(name = HEADER, required = false) String session,
            @Valid @RequestBody LoginRequest body, ServerHttpRequest request, ServerHttpResponse response) {
        boolean cookie = browser.requested(request);
        return auth.login(body.email(), body.password(), clientAddresses.resolve(request))
                .map(started -> answer(started, cookie, response));
    }

    @PostMapping("/refresh")
    @Refuses(status = 401, code = "auth.refresh-invalid", when = "the refresh token is unknown, expired or revoked")
    @Refuses(status = 401, code = "auth.refresh-reused",
            when = "the refresh token was used before: every refresh token of the same login is revoked "
                    + "(a browser session's cookie is cleared)")
    @Refuses(status = 401, code = "auth.unauthenticated",
            when = "`Bantam-Session: cookie` is sent without a `bantam_refresh` cookie")
    @Refuses(status = 403, code = "request.origin-not-allowed",
            when = FOREIGN_ORIGIN)
    Mono<SessionResponse> refresh(
            @Parameter(description = SESSION_HEADER) @RequestHeader(name = HEADER, required = false) String session,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = REFRESH_BODY)
            @Valid @RequestBody(required = false) RefreshTokenRequest body,
            ServerHttpRequest request, ServerHttpResponse response) {
        if (!browser.requested(request)) {
            return auth.refresh(required(body)).map(SessionResponse::of);
        }
        String presented = cookieToken(body, request);
        return auth.refresh(presented)
                .map(started -> answer(started, true, response))
                .doOnError(ApiException.class, refused -> {
                    if (refused.status() == HttpStatus.UNAUTHORIZED) {
                        browser.end(response);  // refused for good (reused, revoked, expired): the browser forgets it
                    }
                });
    }

    @PostMapping("/logout")
    @Refuses(status = 403, code = "request.origin-not-allowed",
            when = FOREIGN_ORIGIN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(
            @Parameter(description = SESSION_HEADER) @RequestHeader(name = HEADER, required = false) String session,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = REFRESH_BODY)
            @Valid @RequestBody(required = false) RefreshTokenRequest body,
            ServerHttpRequest request, ServerHttpResponse response) {
        if (!browser.requested(request)) {
            return auth.logout(required(body));
        }
        noTokenInBody(body);
        browser.end(response);
        return browser.refreshToken(request).map(auth::logout).orElse(Mono.empty());
    }

    private SessionResponse answer(Session started, boolean cookie, ServerHttpResponse response) {
        if (!cookie) {
            return SessionResponse.of(started);
        }
        browser.keep(response, started.refreshToken());
        return SessionResponse.withoutRefreshToken(started);
    }

    private String cookieToken(RefreshTokenRequest body, ServerHttpRequest request) {
        noTokenInBody(body);
        return browser.refreshToken(request).orElseThrow(() -> ApiException.unauthorized("auth.unauthenticated",
                "This browser holds no session (no " + BrowserSessions.COOKIE + " cookie). Log in."));
    }

    /** The JSON contract: the refresh token in the body, as a 400 naming the field when it is missing. */
    private static String required(RefreshTokenRequest body) {
        if (body == null || body.refreshToken() == null || body.refreshToken().isBlank()) {
            throw ApiException.invalidField("refreshToken", "must not be blank");
        }
        return body.refreshToken();
    }

    private static void noTokenInBody(RefreshTokenRequest body) {
        if (body != null && body.refreshToken() != null) {
            throw ApiException.invalidField("refreshToken",
                    "must be absent in a browser session: the refresh token is the " + BrowserSessions.COOKIE
                            + " cookie");
        }
    }
}
