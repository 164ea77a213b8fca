package io.bantam.gateway.resilience;

import io.bantam.service.problem.ApiException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one circuit-breaker configuration for every route. The {@code CircuitBreaker} default filter gives each
 * route its own breaker (named by the route id), so one sick service never opens another's circuit.
 *
 * <p>What counts as a failure: the service could not be reached (refused, connect timeout), did not start to
 * answer within the route's response timeout, or the exchange overran the backstop. An answer the service
 * gave, whatever its status, is passed through unchanged and is not a failure; neither is a request the
 * caller got wrong.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceProperties.class)
class ResilienceConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakers(ResilienceProperties properties) {
        CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.TIME_BASED)
                .slidingWindowSize(Math.toIntExact(Math.max(1, properties.window().toSeconds())))
                .minimumNumberOfCalls(properties.minimumCalls())
                .failureRateThreshold(properties.failureRateThreshold())
                .waitDurationInOpenState(properties.openStateWait())
                .permittedNumberOfCallsInHalfOpenState(3)
                .ignoreException(ResilienceConfiguration::isCallerFault)
                .build();
        TimeLimiterConfig timeLimiter = TimeLimiterConfig.custom()
                .timeoutDuration(properties.exchangeTimeout())
                .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(circuitBreaker)
                .timeLimiterConfig(timeLimiter)
                .build());
    }

    /** A failure caused by the request itself (4xx), not by the service behind the route. */
    static boolean isCallerFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataBufferLimitException) {
                return true;
            }
            if (t instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
                return true;
            }
            if (t instanceof ApiException problem && problem.status().is4xxClientError()) {
                return true;
            }
        }
        return false;
    }
}
