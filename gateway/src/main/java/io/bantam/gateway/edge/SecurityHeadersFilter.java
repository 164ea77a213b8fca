package io.bantam.gateway.edge;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The security headers of every answer the gateway gives: proxied, problem, 404, 503, preflight, API documents
 * and Swagger UI. Set when the response is committed, over whatever the service sent (services behind the
 * gateway send Spring Security's own set): one value each, the gateway's. Spring Security's header writer in the
 * gateway then finds them present and adds none of its own for them.
 *
 * <p>API answers are JSON a browser must never render, frame or cache: a Content-Security-Policy that allows
 * nothing. The Swagger UI pages load their own scripts, styles and the API documents from the gateway, and
 * nothing from anywhere else.
 */
@Component
@EnableConfigurationProperties(SecurityHeadersProperties.class)
class SecurityHeadersFilter implements WebFilter, Ordered {

    /** First of all filters: its commit action runs before any other's and is never skipped by a refusal. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
            + "form-action 'self'";

    private final String strictTransportSecurity;

    SecurityHeadersFilter(SecurityHeadersProperties properties) {
        this.strictTransportSecurity = properties.strictTransportSecurity();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String policy = isSwaggerUi(exchange.getRequest().getPath().value()) ? DOCS_POLICY : API_POLICY;
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            headers.remove(HttpHeaders.PRAGMA);
            headers.remove(HttpHeaders.EXPIRES);
            headers.set("Content-Security-Policy", policy);
            if (strictTransportSecurity == null || strictTransportSecurity.isBlank()) {
                headers.remove("Strict-Transport-Security");
            } else {
                headers.set("Strict-Transport-Security", strictTransportSecurity);
            }
        }));
        return chain.filter(exchange);
    }

    /** The pages and assets of the Swagger UI (springdoc serves them under /webjars/swagger-ui). */
    static boolean isSwaggerUi(String path) {
        return path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/") || path.startsWith("/webjars/");
    }
}
