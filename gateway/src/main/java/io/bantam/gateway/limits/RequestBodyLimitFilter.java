package io.bantam.gateway.limits;

import io.bantam.service.problem.ProblemMapper;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Refuses request bodies over the limit with 413 {@code request.too-large}, before authentication and
 * before any route. Needed at the gateway itself: the circuit breaker's fallback makes every route buffer the
 * request body in memory, so without a limit one caller could make the gateway buffer without end. A declared
 * {@code Content-Length} over the limit is refused without passing anything on; a body without one is counted
 * as it streams.
 *
 * <p>A refusal must also reach the caller. Most clients ({@code fetch()}, Java's and Python's) send the whole body
 * before they read the answer; were the gateway to answer and close while body bytes are still arriving, the
 * kernel would reset the connection and the caller would see "connection reset" instead of the 413. So after any
 * refusal made before the body was read (a 413 here, a 401, 404 or 429 further on) the gateway reads the rest of
 * the body and throws it away, as RFC 9112 (9.6) asks of a server, up to {@code maxDiscarded} bytes and
 * {@code maxDiscardTime}; beyond either bound it answers with {@code Connection: close} and stops reading. A caller
 * that sent {@code Expect: 100-continue} has sent no body yet and is answered at once.
 */
@Component
@EnableConfigurationProperties(LimitProperties.class)
class RequestBodyLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;
    private final long maxDiscarded;
    private final Duration maxDiscardTime;

    RequestBodyLimitFilter(LimitProperties limits) {
        this.maxBytes = limits.maxRequestBody().toBytes();
        this.maxDiscarded = limits.maxDiscarded().toBytes();
        this.maxDiscardTime = limits.maxDiscardTime();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long declared = headers.getContentLength();
        boolean chunked = headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if (declared <= 0 && !chunked) {
            return chain.filter(exchange);  // no body
        }
        boolean waitsForContinue = "100-continue".equalsIgnoreCase(headers.getFirst(HttpHeaders.EXPECT));
        if (declared > maxBytes) {
            return (waitsForContinue ? Mono.<Void>empty() : discard(exchange, request.getBody()))
                    .then(Mono.error(ProblemMapper.tooLarge()));
        }
        Tracked tracked = new Tracked(exchange, declared < 0);
        Mono<Void> rest = Mono.defer(() -> tracked.read.get() || waitsForContinue ? Mono.empty()
                : discard(exchange, request.getBody()));
        return chain.filter(exchange.mutate().request(tracked).build())
                .onErrorResume(failure -> rest.then(Mono.error(failure)))
                .then(rest);
    }

    /**
     * Reads {@code body} to its end and throws it away, within the bounds; when a bound cuts it short, the answer
     * closes the connection (what is still unread cannot be told apart from a next request).
     */
    private Mono<Void> discard(ServerWebExchange exchange, Flux<DataBuffer> body) {
        AtomicBoolean whole = new AtomicBoolean();
        AtomicLong discarded = new AtomicLong();
        return body
                .doOnComplete(() -> whole.set(true))
                .<DataBuffer>handle((buffer, sink) -> {
                    long total = discarded.addAndGet(buffer.readableByteCount());
                    DataBufferUtils.release(buffer);
                    if (total > maxDiscarded) {
                        sink.complete();
                    }
                })
                .take(maxDiscardTime)
                .onErrorResume(failure -> Mono.empty())  // the caller went away: nothing to answer
                .then(Mono.fromRunnable(() -> {
                    if (!whole.get()) {
                        closeAfterAnswer(exchange);
                    }
                }));
    }

    private static void closeAfterAnswer(ServerWebExchange exchange) {
        if (!exchange.getResponse().isCommitted()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
    }

    /**
     * The request as the rest of the gateway sees it: notes whether anything read its body, and counts a body
     * of unknown length. Past the limit it goes on reading (and dropping) the rest, within the bounds, and only
     * then fails with 413, so that the answer reaches a caller that is still sending.
     */
    private final class Tracked extends ServerHttpRequestDecorator {

        final AtomicBoolean read = new AtomicBoolean();
        private final ServerWebExchange exchange;
        private final boolean count;

        Tracked(ServerWebExchange exchange, boolean count) {
            super(exchange.getRequest());
            this.exchange = exchange;
            this.count = count;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                read.set(true);
                return count ? counted(super.getBody()) : super.getBody();
            });
        }

        private Flux<DataBuffer> counted(Flux<DataBuffer> body) {
            AtomicLong seen = new AtomicLong();
            AtomicBoolean cut = new AtomicBoolean();
            Sinks.Empty<Void> over = Sinks.empty();
            return body
                    .takeUntilOther(over.asMono().then(Mono.delay(maxDiscardTime)).doOnNext(late -> cut.set(true)))
                    .<DataBuffer>handle((buffer, sink) -> {
                        long total = seen.addAndGet(buffer.readableByteCount());
                        if (total <= maxBytes) {
                            sink.next(buffer);
                            return;
                        }
                        DataBufferUtils.release(buffer);
                        over.tryEmitEmpty();
                        if (total - maxBytes > maxDiscarded) {
                            closeAfterAnswer(exchange);
                            sink.error(ProblemMapper.tooLarge());
                        }
                    })
                    .concatWith(Mono.defer(() -> {
                        if (seen.get() <= maxBytes) {
                            return Mono.empty();
                        }
                        if (cut.get()) {
                            closeAfterAnswer(exchange);
                        }
                        return Mono.error(ProblemMapper.tooLarge());
                    }));
        }
    }
}
