package io.bantam.service.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * One log line per request ({@code POST /api/bookings 201 12 ms}, path without the query) written in the
 * request's trace, so its trace id finds it; and the trace id in an {@value #TRACE_ID_HEADER} response header, for
 * a caller to quote in a bug report. The line is written when the response starts (status final, the body not yet
 * sent), or when the caller goes away before that. Probes and scrapes ({@code /actuator/**}) log at DEBUG; the
 * logger's name is this class's, so {@code logging.level.io.bantam.service.tracing.RequestLogWebFilter=warn}
 * silences it. A path that is itself a secret, a calendar feed's {@code /calendar/<token>.ics}, is logged without its
 * secret ({@code /calendar/{token}.ics}): a log line must never be a working address.
 */
public class RequestLogWebFilter implements WebFilter, Ordered {

    public static final String TRACE_ID_HEADER = "X-Trace-Id";

    private static final Logger log = LoggerFactory.getLogger(RequestLogWebFilter.class);

    /** Paths whose last segment is a secret (the unguessable token of a calendar feed). */
    static final String SECRET_PATH_PREFIX = "/calendar/";

    private final Tracer tracer;

    /** @param tracer the application's tracer, or {@code null} when tracing is off (lines without ids, no header) */
    public RequestLogWebFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public int getOrder() {
        // outermost: also sees what security refuses and what the gateway answers on its own
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        Span span = tracer == null ? null : tracer.currentSpan();
        AtomicBoolean logged = new AtomicBoolean();
        exchange.getResponse().beforeCommit(() -> {
            if (span != null) {
                exchange.getResponse().getHeaders().set(TRACE_ID_HEADER, span.context().traceId());
            }
            if (logged.compareAndSet(false, true)) {
                HttpStatusCode status = exchange.getResponse().getStatusCode();
                log(span, exchange.getRequest(), "{} {} {} {} ms", status == null ? 200 : status.value(), start);
            }
            return Mono.empty();
        });
        return chain.filter(exchange).doFinally(signal -> {
            if (signal == SignalType.CANCEL && logged.compareAndSet(false, true)) {
                log(span, exchange.getRequest(), "{} {} cancelled by the caller after {} ms", null, start);
            }
        });
    }

    private void log(Span span, ServerHttpRequest request, String format, Integer status, long start) {
        boolean probe = request.getPath().value().startsWith("/actuator/");
        if (probe ? !log.isDebugEnabled() : !log.isInfoEnabled()) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Object[] arguments = status == null
                ? new Object[] {request.getMethod(), loggable(request.getPath().value()), millis}
                : new Object[] {request.getMethod(), loggable(request.getPath().value()), status, millis};
        // the request's span in scope, whichever thread commits the response: the line carries its trace id
        try (Tracer.SpanInScope scope = span == null ? null : tracer.withSpan(span)) {
            if (probe) {
                log.debug(format, arguments);
            } else {
                log.info(format, arguments);
            }
        }
    }

    /** The path as it may be logged: a secret segment is replaced by its name. */
    public static String loggable(String path) {
        if (!path.startsWith(SECRET_PATH_PREFIX)) {
            return path;
        }
        return SECRET_PATH_PREFIX + (path.endsWith(".ics") ? "{token}.ics" : "{token}");
    }
}
