package io.bantam.relationship.identity;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How identity-service's internal lookup is reached and guarded. A lookup is on the path of a user's request
 * (connecting to a client who signed up a moment ago), so it fails within about two seconds rather than hang:
 * at most two attempts of {@code attemptTimeout} each, {@code retryWait} apart.
 *
 * @param url identity-service's base URL ({@code IDENTITY_URL})
 * @param serviceToken the shared service credential identity-service accepts ({@code BANTAM_INTERNAL_TOKEN})
 * @param connectTimeout to open a connection: a refused one fails at once, a black-holed one after this
 * @param attemptTimeout for one attempt, connection and whole answer included
 * @param retryWait before the one retry of a failed attempt (refused, timed out or 5xx; never a 4xx)
 * @param circuitBreaker when to stop asking a failing identity-service for a while
 */
@ConfigurationProperties("bantam.identity")
public record IdentityClientProperties(
        @DefaultValue("http://localhost:8081") URI url,
        String serviceToken,
        @DefaultValue("500ms") Duration connectTimeout,
        @DefaultValue("1s") Duration attemptTimeout,
        @DefaultValue("100ms") Duration retryWait,
        @DefaultValue CircuitBreaker circuitBreaker) {

    /**
     * Counted per lookup (a lookup with its retry is one call).
     *
     * @param windowSize the last lookups the failure rate is measured over
     * @param minimumCalls lookups in the window before the rate is judged at all
     * @param failureRateThreshold percentage of failed lookups that opens the circuit
     * @param openStateWait how long an open circuit refuses at once (503) before letting trial lookups through;
     *     also the {@code Retry-After} of such a 503
     * @param halfOpenCalls trial lookups that decide whether the circuit closes again
     */
    public record CircuitBreaker(
            @DefaultValue("10") int windowSize,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10s") Duration openStateWait,
            @DefaultValue("2") int halfOpenCalls) {
    }
}
