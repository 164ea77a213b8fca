package io.bantam.gateway.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The circuit breaker every route gets, and how long a caller is told to wait.
 *
 * @param failureRateThreshold percentage of failed calls in the window that opens a route's circuit
 * @param window the sliding window over which the failure rate is measured
 * @param minimumCalls calls in the window before the rate is judged at all
 * @param openStateWait how long an open circuit answers 503 at once before letting trial calls through;
 *     also the {@code Retry-After} of every 503 the gateway answers
 * @param exchangeTimeout backstop for a whole proxied exchange, body included; the route's response timeout
 *     (for the response to begin) is shorter and normally fires first
 */
@ConfigurationProperties("bantam.gateway.resilience")
public record ResilienceProperties(
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("30s") Duration window,
        @DefaultValue("10") int minimumCalls,
        @DefaultValue("5s") Duration openStateWait,
        @DefaultValue("10s") Duration exchangeTimeout) {
}
