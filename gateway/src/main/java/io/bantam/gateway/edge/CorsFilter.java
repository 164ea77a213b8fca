package io.bantam.gateway.edge;

import io.bantam.service.problem.ApiException;
import io.bantam.service.problem.ProblemResponses;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the browser UI, at the gateway only (the services never answer CORS: no browser reaches them).
 * Runs before authentication, so a preflight, which never carries a token, is answered here and never becomes a
 * 401. A cross-origin request from an origin not allowed, or a preflight asking for a method or header the API
 * does not take, is refused with 403 {@code request.origin-not-allowed}. An allowed request gets
 * {@code Access-Control-Allow-Origin} on whatever answers it: the service, a problem of the gateway (401, 404,
 * 413, 429, 503) or a fallback, so the UI can read every error. No credentials: access tokens travel in the
 * {@code Authorization} header; the one cookie, the browser session's refresh token ({@code Bantam-Session}, see
 * docs/web-session.md), is for the UI's own origin (the gateway or the Vite dev server's proxy), not for
 * cross-origin pages.
 */
@Component
@EnableConfigurationProperties(CorsProperties.class)
class CorsFilter implements WebFilter, Ordered {

    /** Right after {@link SecurityHeadersFilter}, before everything that can refuse a request. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** {@code Bantam-Session}: the web UI's browser session at /api/auth (docs/web-session.md). */
    static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "traceparent",
            "Bantam-Session");
    /**
     * Readable by the UI beyond the CORS-safelisted ones: the RateLimit fields, the trace id to quote in a bug report,
     * and how many bookings a change to availability strands (booking-service).
     */
    static final List<String> EXPOSED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "RateLimit",
            "RateLimit-Policy", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "X-Trace-Id",
            "Bantam-Stranded-Bookings");

    private static final List<String> PREFLIGHT_VARY = List.of(HttpHeaders.ORIGIN,
            HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);

    private final CorsConfiguration configuration = new CorsConfiguration();
    private final ProblemResponses problems;

    CorsFilter(CorsProperties properties, ProblemResponses problems) {
        this.problems = problems;
        configuration.setAllowedOrigins(properties.allowedOrigins());
        configuration.setAllowedMethods(METHODS);
        configuration.setAllowedHeaders(REQUEST_HEADERS);
        configuration.setExposedHeaders(EXPOSED_HEADERS);
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(properties.maxAge());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!CorsUtils.isCorsRequest(request)) {
            exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() ->
                    removeCorsHeaders(exchange.getResponse().getHeaders())));
            return chain.filter(exchange);
        }
        String origin = configuration.checkOrigin(request.getHeaders().getOrigin());
        if (origin == null) {
            return refuse(exchange, "Requests from this origin are not allowed.");
        }
        if (CorsUtils.isPreFlightRequest(request)) {
            return preflight(exchange, origin);
        }
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            removeCorsHeaders(headers);  // the gateway's answer wins over anything a service said
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, String.join(", ", EXPOSED_HEADERS));
            vary(headers, List.of(HttpHeaders.ORIGIN));
        }));
        return chain.filter(exchange);
    }

    private Mono<Void> preflight(ServerWebExchange exchange, String origin) {
        HttpHeaders requested = exchange.getRequest().getHeaders();
        HttpMethod method = requested.getAccessControlRequestMethod();
        List<HttpMethod> methods = configuration.checkHttpMethod(method);
        List<String> requestHeaders = requested.getAccessControlRequestHeaders();
        List<String> headers = configuration.checkHeaders(requestHeaders);
        if (methods == null) {
            return refuse(exchange, "The API does not take this method from a browser.");
        }
        if (!requestHeaders.isEmpty() && (headers == null || headers.size() < requestHeaders.size())) {
            return refuse(exchange, "The API does not take one of these request headers from a browser.");
        }
        HttpHeaders response = exchange.getResponse().getHeaders();
        response.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, String.join(", ", METHODS));
        if (headers != null && !headers.isEmpty()) {
            response.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, String.join(", ", headers));
        }
        response.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, Long.toString(configuration.getMaxAge()));
        vary(response, PREFLIGHT_VARY);
        exchange.getResponse().setStatusCode(HttpStatus.OK);
        return exchange.getResponse().setComplete();
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String detail) {
        vary(exchange.getResponse().getHeaders(), PREFLIGHT_VARY);
        return problems.write(exchange, new ApiException(HttpStatus.FORBIDDEN, "request.origin-not-allowed",
                "Forbidden", detail));
    }

    private static void removeCorsHeaders(HttpHeaders headers) {
        List<String> names = headers.headerNames().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"))
                .toList();
        names.forEach(headers::remove);
    }

    private static void vary(HttpHeaders headers, List<String> names) {
        List<String> vary = headers.getVary();
        for (String name : names) {
            if (vary.stream().noneMatch(present -> present.equalsIgnoreCase(name) || present.equals("*"))) {
                headers.add(HttpHeaders.VARY, name);
            }
        }
    }
}
