package io.bantam.identity.auth;

import io.bantam.identity.token.IssuedRefreshToken;
import io.bantam.identity.token.TokenProperties;
import io.bantam.service.problem.ApiException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;

/**
 * The browser's session (docs/web-session.md). A request with {@code Bantam-Session: cookie} gets its refresh
 * token as the cookie {@code bantam_refresh} ({@code HttpOnly; Secure; SameSite=Strict; Path=/api/auth}) instead
 * of in the JSON, and refresh and logout read it from there. The cookie is read only for such requests (a custom
 * header: a cross-origin page cannot send it without a CORS preflight, which the gateway refuses for origins it
 * does not know) and, when the request names its {@code Origin}, only for the API's own origin or a configured
 * one. Without the header nothing here applies: the JSON contract is unchanged.
 */
@Component
class BrowserSessions {

    static final String HEADER = "Bantam-Session";
    static final String MODE = "cookie";
    static final String COOKIE = "bantam_refresh";
    static final String COOKIE_PATH = "/api/auth";

    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String X_FORWARDED_HOST = "X-Forwarded-Host";

    private final Set<String> allowedOrigins;
    private final Duration lifetime;

    BrowserSessions(BrowserSessionProperties properties, TokenProperties tokens) {
        this.allowedOrigins = properties.allowedOrigins().stream().map(BrowserSessions::normalized)
                .collect(Collectors.toUnmodifiableSet());
        this.lifetime = tokens.refreshTokenTtl();
    }

    /**
     * Whether the request asks for a browser session. A header with another value is a 400; a browser session
     * asked for from a foreign origin is a 403 {@code request.origin-not-allowed}, before anything is done.
     */
    boolean requested(ServerHttpRequest request) {
        List<String> modes = request.getHeaders().getOrEmpty(HEADER);
        if (modes.isEmpty()) {
            return false;
        }
        if (modes.size() != 1 || !MODE.equals(modes.get(0).strip())) {
            throw ApiException.invalid("The " + HEADER + " header takes one value: " + MODE + ".",
                    List.of(new ApiException.FieldError(HEADER, "must be " + MODE)));
        }
        String origin = request.getHeaders().getOrigin();
        if (origin != null && !allowedOrigins.contains(normalized(origin)) && !isOwnOrigin(origin, request)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "request.origin-not-allowed", "Forbidden",
                    "A browser session is not available to pages of this origin.");
        }
        return true;
    }

    /** The refresh token the browser holds, if it sent one. */
    Optional<String> refreshToken(ServerHttpRequest request) {
        return request.getCookies().getOrDefault(COOKIE, List.of()).stream()
                .map(HttpCookie::getValue)
                .filter(value -> !value.isBlank())
                .findFirst();
    }

    /** Hands the browser its (new) refresh token. */
    void keep(ServerHttpResponse response, IssuedRefreshToken token) {
        response.addCookie(cookie(token.value(), lifetime));
    }

    /** Makes the browser forget its refresh token. */
    void end(ServerHttpResponse response) {
        response.addCookie(cookie("", Duration.ZERO));
    }

    private static ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .secure(true)
                .sameSite("Strict")
                .path(COOKIE_PATH)
                .maxAge(maxAge)
                .build();
    }

    /**
     * Whether {@code origin} is the one the request was addressed to: the scheme and host each proxy on the way
     * received it on (the gateway appends its own {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} entry,
     * after an ingress's), or, without proxies, this service's own. A page cannot forge these headers on a
     * cross-origin request: they would need a preflight the gateway refuses.
     */
    private static boolean isOwnOrigin(String origin, ServerHttpRequest request) {
        String wanted = normalized(origin);
        List<String> protos = entries(request.getHeaders(), X_FORWARDED_PROTO);
        List<String> hosts = entries(request.getHeaders(), X_FORWARDED_HOST);
        for (int hop = 0; hop < Math.min(protos.size(), hosts.size()); hop++) {
            if (wanted.equals(normalized(protos.get(hop) + "://" + hosts.get(hop)))) {
                return true;
            }
        }
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        return host != null && wanted.equals(normalized(request.getURI().getScheme() + "://" + host));
    }

    private static List<String> entries(HttpHeaders headers, String name) {
        return headers.getOrEmpty(name).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .toList();
    }

    /** Origins compare without case and without the default port of their scheme. */
    private static String normalized(String origin) {
        String lower = origin.strip().toLowerCase(Locale.ROOT);
        if (lower.endsWith("/")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        if (lower.startsWith("http://") && lower.endsWith(":80")) {
            return lower.substring(0, lower.length() - 3);
        }
        if (lower.startsWith("https://") && lower.endsWith(":443")) {
            return lower.substring(0, lower.length() - 4);
        }
        return lower;
    }
}
