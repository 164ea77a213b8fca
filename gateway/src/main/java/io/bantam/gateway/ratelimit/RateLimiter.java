package io.bantam.gateway.ratelimit;

import io.bantam.gateway.ratelimit.domain.Bucket;
import io.bantam.gateway.ratelimit.domain.Verdict;
import io.bantam.gateway.ratelimit.persistence.RateLimitStore;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Asks the store about a request's buckets, in order, stopping at the first refusal. When the store does not
 * answer within the timeout, fails, or has failed so often that its circuit is open, the request goes on
 * unchecked (fail open): counted in {@code bantam_ratelimit_fail_open_total} and logged as a warning at most once
 * per {@link #WARNING_INTERVAL}.
 *
 * <p>Why open, not closed: the limits protect the services from floods and slow down guessing; they are not
 * what keeps data safe (tokens, ownership checks and identity's own login limit are). A limiter that refused
 * every request while its database is away would turn a database hiccup into a whole-system outage; one that
 * lets requests through loses only the limits, for as long as the outage lasts. The circuit breaker keeps that
 * outage from costing every request the full timeout.
 */
class RateLimiter {

    static final Duration WARNING_INTERVAL = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final RateLimitStore store;
    private final Duration timeout;
    private final CircuitBreaker breaker;
    private final MeterRegistry meters;
    private final Timer checks;
    private final AtomicLong uncheckedSinceWarning = new AtomicLong();
    private final AtomicLong lastWarningNanos = new AtomicLong(System.nanoTime() - WARNING_INTERVAL.toNanos());

    RateLimiter(RateLimitStore store, Duration timeout, CircuitBreaker breaker, MeterRegistry meters) {
        this.store = store;
        this.timeout = timeout;
        this.breaker = breaker;
        this.meters = meters;
        this.checks = Timer.builder("bantam.ratelimit.check")
                .description("Time to decide a limited request in the limiter's database")
                .register(meters);
    }

    /** Whether the bucket would allow a request, without taking one; empty when it cannot be checked. */
    Mono<Optional<Verdict>> peek(Bucket bucket) {
        return Mono.defer(() -> store.peek(bucket)
                .map(Optional::of)
                .timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .doOnNext(verdict -> verdict.filter(v -> !v.allowed()).ifPresent(this::countLimited))
                .onErrorResume(failure -> unchecked(List.of(bucket), failure)));
    }

    /** The strictest verdict over the buckets; empty when the request goes on unchecked. */
    Mono<Optional<Verdict>> check(List<Bucket> buckets) {
        Mono<Optional<Verdict>> decided = Flux.fromIterable(buckets)
                .concatMap(store::take)
                .takeUntil(verdict -> !verdict.allowed())
                .collectList()
                .map(verdicts -> Optional.of(Verdict.strictest(verdicts)));
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return decided
                    .timeout(timeout)
                    .transformDeferred(CircuitBreakerOperator.of(breaker))
                    .doOnSuccess(verdict -> sample.stop(checks))
                    .doOnNext(verdict -> verdict.filter(v -> !v.allowed()).ifPresent(this::countLimited))
                    .onErrorResume(failure -> unchecked(buckets, failure));
        });
    }

    private void countLimited(Verdict verdict) {
        Counter.builder("bantam.ratelimit.limited")
                .description("Requests refused with 429 by a rate limit")
                .tag("policy", verdict.policy().name())
                .register(meters)
                .increment();
    }

    private Mono<Optional<Verdict>> unchecked(List<Bucket> buckets, Throwable failure) {
        String reason = reason(failure);
        Counter.builder("bantam.ratelimit.fail.open")
                .description("Requests let through unchecked because the limiter's database did not answer")
                .tag("policy", buckets.get(0).policy().name())
                .tag("reason", reason)
                .register(meters)
                .increment();
        long unchecked = uncheckedSinceWarning.incrementAndGet();
        long now = System.nanoTime();
        long last = lastWarningNanos.get();
        if (now - last >= WARNING_INTERVAL.toNanos() && lastWarningNanos.compareAndSet(last, now)) {
            uncheckedSinceWarning.addAndGet(-unchecked);
            log.warn("Rate limits are not enforced: the limiter's database did not answer ({}); {} request(s) let "
                    + "through unchecked since the last warning", describe(failure, reason), unchecked);
        }
        return Mono.just(Optional.empty());
    }

    private static String reason(Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return "circuit-open";
        }
        if (failure instanceof TimeoutException) {
            return "timeout";
        }
        return "error";
    }

    private String describe(Throwable failure, String reason) {
        switch (reason) {
            case "circuit-open":
                return "circuit open after repeated failures";
            case "timeout":
                return "no answer within " + timeout.toMillis() + " ms";
            default:
                return failure.toString();
        }
    }
}
