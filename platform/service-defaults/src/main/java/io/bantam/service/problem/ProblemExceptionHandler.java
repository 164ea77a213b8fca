package io.bantam.service.problem;

import io.bantam.service.tracing.RequestLogWebFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Renders every error that reaches the web layer as a problem: refusals as they were meant, framework
 * errors (malformed JSON, bad parameters, unknown routes, oversized bodies) as 4xx, unavailable dependencies
 * as 503, and anything else as a bare 500 whose cause goes to the log only. Runs before Spring Boot's
 * own error handler, so no default error page or stack trace ever reaches a caller.
 */
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemResponses responses;

    public ProblemExceptionHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        ApiException problem = ProblemMapper.map(failure);
        if (problem == null) {
            log.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(),
                    RequestLogWebFilter.loggable(exchange.getRequest().getPath().value()), failure);
            problem = ProblemMapper.unexpected();
        } else if (problem.status().is5xxServerError()) {
            log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(),
                    RequestLogWebFilter.loggable(exchange.getRequest().getPath().value()), problem.status().value(),
                    failure.toString());
        } else if (log.isDebugEnabled()) {
            log.debug("{} {} answered {}", exchange.getRequest().getMethod(),
                    RequestLogWebFilter.loggable(exchange.getRequest().getPath().value()), problem.status().value(),
                    failure);
        }
        return responses.write(exchange, problem);
    }
}
