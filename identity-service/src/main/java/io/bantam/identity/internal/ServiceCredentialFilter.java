package io.bantam.identity.internal;

import io.bantam.service.problem.ApiException;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Guards every path under {@value #PREFIX}: a caller must present a configured service credential in
 * {@value #HEADER}, else 401 {@code auth.unauthenticated} (not 404, so a calling service can tell a wrong
 * credential from an unknown user and never turns its own misconfiguration into a false "not found"). With no
 * credential configured the internal API does not exist (404). These paths are public for the JWT check: a
 * user's access token opens nothing here.
 */
class ServiceCredentialFilter implements WebFilter, Ordered {

    static final String PREFIX = "/internal/";
    static final String HEADER = "Bantam-Service-Token";

    private final ServiceCredentials credentials;

    ServiceCredentialFilter(ServiceCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith(PREFIX) && !path.equals("/internal")) {
            return chain.filter(exchange);
        }
        if (!credentials.enabled()) {
            return Mono.error(ApiException.notFound("There is nothing here."));
        }
        if (!credentials.accepts(exchange.getRequest().getHeaders().getFirst(HEADER))) {
            return Mono.error(ApiException.unauthorized("auth.unauthenticated",
                    "A valid service credential is required."));
        }
        return chain.filter(exchange);
    }

    /** Before Spring Security's filter chain (-100): a refused caller gets no further. */
    @Override
    public int getOrder() {
        return -200;
    }
}
