package io.bantam.gateway.edge;

import io.bantam.gateway.webui.WebUi;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
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
 * nothing from anywhere else. The web UI's pages (every path that is not the API's, see {@link WebUi}) load
 * scripts, styles and images from the gateway only and call the API on the same origin: a policy without
 * {@code unsafe-inline} or {@code unsafe-eval} (the Vite build emits no inline script or style). Its hashed files
 * under {@code /assets/} never change and are cached for a year; everything else of the UI (index.html, the history
 * fallback) is revalidated on every use, so a new release is picked up at once.
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

    static final String UI_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'; object-src 'none'";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

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
        String path = exchange.getRequest().getPath().value();
        boolean uiPath = !WebUi.isApiPath(path);
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
            // the UI's own files and pages; a refusal or 404 there is a problem+json like any other
            boolean ui = uiPath && isContent(exchange.getResponse().getStatusCode());
            String policy = isSwaggerUi(path) ? DOCS_POLICY : ui ? UI_POLICY : API_POLICY;
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set(HttpHeaders.CACHE_CONTROL, ui ? uiCacheControl(path) : "no-store");
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

    /** A hashed asset is kept a year; anything else of the UI is revalidated on each use. */
    static String uiCacheControl(String path) {
        return path.startsWith(WebUi.ASSETS) ? IMMUTABLE : "no-cache";
    }

    /** A file or page that was found (or is unchanged), not a refusal. */
    static boolean isContent(HttpStatusCode status) {
        return status == null || status.is2xxSuccessful() || status.value() == HttpStatus.NOT_MODIFIED.value();
    }

    /** The pages and assets of the Swagger UI (springdoc serves them under /webjars/swagger-ui). */
    static boolean isSwaggerUi(String path) {
        return path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/") || path.startsWith("/webjars/");
    }
}
