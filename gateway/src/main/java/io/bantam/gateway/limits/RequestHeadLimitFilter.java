package io.bantam.gateway.limits;

import io.bantam.service.problem.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses request headers and request targets over the limits with a problem+json (431
 * {@code request.headers-too-large}, 414 {@code request.uri-too-long}), before authentication and before any
 * route, so that the web UI can read why (the answer carries the CORS and security headers like any other).
 * Netty's own limits stay behind it as a backstop, set higher in application.yml: what passes them but not
 * these gets the problem; only a request far beyond them gets Netty's bare 431/414 with no body.
 */
@Component
class RequestHeadLimitFilter implements WebFilter, Ordered {

    private final long maxHeaderBytes;
    private final long maxTargetBytes;

    RequestHeadLimitFilter(LimitProperties limits) {
        this.maxHeaderBytes = limits.maxRequestHeaders().toBytes();
        this.maxTargetBytes = limits.maxRequestTarget().toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;  // after CORS (+1), before the body limit (+10)
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (targetLength(request) > maxTargetBytes) {
            return Mono.error(new ApiException(HttpStatus.URI_TOO_LONG, "request.uri-too-long", "URI too long",
                    "The request's path and query are longer than " + maxTargetBytes + " bytes."));
        }
        if (headerBytes(request) > maxHeaderBytes) {
            return Mono.error(new ApiException(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "request.headers-too-large", "Request headers too large",
                    "The request's headers are larger than " + maxHeaderBytes + " bytes in all."));
        }
        return chain.filter(exchange);
    }

    /** The request target as sent: the raw path and query, still percent-encoded. */
    static long targetLength(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return request.getURI().getRawPath().length() + (query == null ? 0 : query.length() + 1);
    }

    /** Each header line as on the wire: {@code name: value} and CRLF. */
    static long headerBytes(ServerHttpRequest request) {
        long total = 0;
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                total += header.getKey().length() + 2 + value.length() + 2;
            }
        }
        return total;
    }
}
