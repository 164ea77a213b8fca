package io.bantam.relationship.identity;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The lookup client and its Resilience4j guards, declared in one place. The circuit breaker and retry are in
 * registries bound to Micrometer ({@code resilience4j_circuitbreaker_state{name="identity"}} and friends on
 * {@code /actuator/prometheus}). The WebClient carries the trace context (W3C {@code traceparent}) to
 * identity-service.
 */
@Configuration(proxyBeanMethods = false)
class IdentityClientConfiguration {

    static final String NAME = "identity";

    @Bean
    CircuitBreakerRegistry identityCircuitBreakers(IdentityClientProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(circuitBreakerConfig(properties.circuitBreaker()));
        meters.ifAvailable(registryOfMeters -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry)
                .bindTo(registryOfMeters));
        return registry;
    }

    @Bean
    RetryRegistry identityRetries(IdentityClientProperties properties, ObjectProvider<MeterRegistry> meters) {
        RetryRegistry registry = RetryRegistry.of(retryConfig(properties));
        meters.ifAvailable(registryOfMeters -> TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(registryOfMeters));
        return registry;
    }

    @Bean
    IdentityClient identityClient(IdentityClientProperties properties, CircuitBreakerRegistry circuitBreakers,
            RetryRegistry retries, ObjectProvider<ObservationRegistry> observations) {
        return create(properties, circuitBreakers.circuitBreaker(NAME), retries.retry(NAME),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /** Counted per lookup, its retry included: the breaker is outside the retry. */
    static CircuitBreakerConfig circuitBreakerConfig(IdentityClientProperties.CircuitBreaker settings) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.windowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openStateWait())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .build();
    }

    /** One retry, only of a failure that may pass (see {@link IdentityClient#isTransient}). */
    static RetryConfig retryConfig(IdentityClientProperties properties) {
        return RetryConfig.custom()
                .maxAttempts(2)
                .waitDuration(properties.retryWait())
                .retryOnException(IdentityClient::isTransient)
                .build();
    }

    /** The client for these settings; also what tests build without a Spring context. */
    static IdentityClient create(IdentityClientProperties properties, CircuitBreaker circuitBreaker, Retry retry,
            ObservationRegistry observations) {
        if (properties.serviceToken() == null || properties.serviceToken().isBlank()) {
            throw new IllegalStateException("bantam.identity.service-token (BANTAM_INTERNAL_TOKEN) is not set");
        }
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
                .responseTimeout(properties.attemptTimeout());
        WebClient web = WebClient.builder()
                .baseUrl(properties.url().toString())
                .clientConnector(new ReactorClientHttpConnector(http))
                .defaultHeader(IdentityClient.SERVICE_TOKEN_HEADER, properties.serviceToken())
                .observationRegistry(observations)
                .build();
        TimeLimiter timeLimiter = TimeLimiter.of(NAME, TimeLimiterConfig.custom()
                .timeoutDuration(properties.attemptTimeout())
                .build());
        return new IdentityClient(web, timeLimiter, retry, circuitBreaker);
    }
}
