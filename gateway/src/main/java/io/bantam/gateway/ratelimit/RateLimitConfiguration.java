package io.bantam.gateway.ratelimit;

import io.bantam.gateway.ratelimit.domain.Policy;
import io.bantam.gateway.ratelimit.persistence.RateLimitStore;
import io.bantam.service.problem.ProblemResponses;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/**
 * Rate limits with their state in the gateway's own PostgreSQL database, shared by every replica. The database
 * is never a condition for the gateway to start or to be ready: the schema is migrated in the background when
 * the database is away at start ({@link RateLimitSchema}), and requests go on unchecked while it is away.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    /** The circuit breaker between the gateway and the limiter's database, in the routes' registry. */
    static final String BREAKER = "rate-limits";

    /** Flyway is configured as in every service, but never blocks the start (see {@link RateLimitSchema}). */
    @Bean
    FlywayMigrationStrategy rateLimitSchema(RateLimitProperties properties) {
        return new RateLimitSchema(properties.enabled());
    }

    /**
     * The same timeout on the server ({@code statement_timeout}), so a statement the gateway gave up on does not
     * hold its connection or a row lock; and a connect timeout, so an unreachable database costs a pool slot
     * seconds, not minutes.
     */
    @Bean
    ConnectionFactoryOptionsBuilderCustomizer rateLimitConnectionTimeouts(RateLimitProperties properties) {
        return options -> options
                .option(PostgresqlConnectionFactoryProvider.STATEMENT_TIMEOUT, properties.timeout())
                .option(ConnectionFactoryOptions.CONNECT_TIMEOUT, Duration.ofSeconds(2));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "bantam.gateway.rate-limits.enabled", matchIfMissing = true)
    @EnableScheduling
    static class Enabled {

        private static final Logger log = LoggerFactory.getLogger(Enabled.class);

        private final RateLimitStore store;

        Enabled(RateLimitStore store) {
            this.store = store;
        }

        @Bean
        RateLimitFilter rateLimitFilter(RateLimitProperties properties, ProblemResponses problems,
                ReactiveResilience4JCircuitBreakerFactory circuitBreakers, MeterRegistry meters) {
            RateLimiter limiter = new RateLimiter(store, properties.timeout(),
                    breaker(circuitBreakers), meters);
            return new RateLimitFilter(properties.policies(), properties.clientAddresses(), limiter, problems);
        }

        /**
         * Opens after half of the last 20 checks failed (at least 5 seen), then lets requests through at once,
         * unchecked, for 5 s before trying the database again; exported with the routes' breakers
         * ({@code resilience4j_circuitbreaker_state{name="rate-limits"}}).
         */
        private static CircuitBreaker breaker(ReactiveResilience4JCircuitBreakerFactory circuitBreakers) {
            CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                    .slidingWindowType(SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(20)
                    .minimumNumberOfCalls(5)
                    .failureRateThreshold(50)
                    .waitDurationInOpenState(Duration.ofSeconds(5))
                    .permittedNumberOfCallsInHalfOpenState(2)
                    .build();
            return circuitBreakers.getCircuitBreakerRegistry().circuitBreaker(BREAKER, config);
        }

        /**
         * Opens the first pooled connection and runs the statement once as soon as the gateway is ready, in the
         * background, so the first limited request does not pay for the connection and the JIT (which takes
         * longer than the timeout on a cold JVM, and that request would go on unchecked).
         */
        @EventListener(ApplicationReadyEvent.class)
        void warmUp() {
            store.take(new Policy("warm-up", 60, 1).bucket("gateway"))
                    .timeout(Duration.ofSeconds(30))
                    .subscribe(verdict -> log.debug("The rate limits' database answers"),
                            failure -> log.info("The rate limits' database did not answer at start: {}",
                                    failure.toString()));
        }

        /** Every minute, on every replica: deleting a row whose TAT has passed changes no decision. */
        @Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
        Mono<Void> deleteIdleBuckets() {
            return store.deleteIdle()
                    .doOnNext(count -> log.debug("Deleted {} idle rate-limit buckets", count))
                    .onErrorResume(failure -> {
                        log.debug("Could not delete idle rate-limit buckets: {}", failure.toString());
                        return Mono.empty();
                    })
                    .then();
        }
    }
}
