package io.bantam.gateway.limits;

import io.bantam.service.problem.ProblemMapper;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the limit with 413 {@code request.too-large}, before authentication and
 * before any route. Needed at the gateway itself: the circuit breaker's fallback makes every route buffer the
 * request body in memory, so without a limit one caller could make the gateway buffer without end. A declared
 * {@code Content-Length} over the limit is refused at once; a body without one is counted as it streams.
 */
@Component
@EnableConfigurationProperties(LimitProperties.class)
class RequestBodyLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;

    RequestBodyLimitFilter(LimitProperties limits) {
        this.maxBytes = limits.maxRequestBody().toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(ProblemMapper.tooLarge());
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new Counted(request, maxBytes)).build());
    }

    private static final class Counted extends ServerHttpRequestDecorator {

        private final long maxBytes;

        Counted(ServerHttpRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(ProblemMapper.tooLarge());
                    } else {
                        sink.next(buffer);
                    }
                });
            });
        }
    }
}
