package io.bantam.gateway.resilience;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import io.bantam.service.problem.ApiException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where the {@code CircuitBreaker} default filter forwards a request whose route failed or whose circuit is
 * open: 503 {@code service.unavailable} with {@code Retry-After}, rendered as a problem by service-defaults.
 * A failure the caller caused keeps its own 4xx; the path reached directly (not by a forward) does not exist.
 */
@RestController
class UnavailableController {

    static final String PATH = "/gateway/unavailable";

    private final ResilienceProperties properties;

    UnavailableController(ResilienceProperties properties) {
        this.properties = properties;
    }

    @RequestMapping(PATH)
    Mono<Void> unavailable(ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure == null) {
            return Mono.error(ApiException.notFound("There is nothing here."));
        }
        if (ResilienceConfiguration.isCallerFault(failure)) {
            return Mono.error(failure);
        }
        return Mono.error(ApiException.unavailable(
                "A service this request needs is unavailable. Try again shortly.", properties.openStateWait()));
    }
}
