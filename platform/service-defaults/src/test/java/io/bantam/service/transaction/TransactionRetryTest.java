package io.bantam.service.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.service.problem.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcRollbackException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.UncategorizedR2dbcException;
import org.springframework.transaction.reactive.TransactionContextManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The retry policy on its own: which failures start the transaction over, how often, and what the caller gets when
 * none succeeds. The real deadlock on the real constraint is booking-service's {@code DeadlockRetryIT}.
 */
class TransactionRetryTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TransactionRetry retry = new TransactionRetry(new TransactionRetryProperties(true, 3, Duration.ofMillis(1),
            Duration.ofMillis(5), 0.5, Duration.ofSeconds(2)), meters);

    static RuntimeException deadlock() {
        // as DatabaseClient reports it: Spring's wrapper around the driver's exception
        return new UncategorizedR2dbcException("INSERT", "INSERT INTO booking_participant",
                new R2dbcRollbackException("deadlock detected", "40P01"));
    }

    /** Fails with the given failures in turn, then answers "done"; counts subscriptions (attempts). */
    static Mono<String> failing(AtomicInteger attempts, RuntimeException... failures) {
        return Mono.defer(() -> {
            int attempt = attempts.getAndIncrement();
            return attempt < failures.length ? Mono.error(failures[attempt]) : Mono.just("done");
        });
    }

    @Test
    void deadlocksAndSerializationFailuresAreTransientOtherFailuresAreNot() {
        assertThat(TransientFailures.isTransient(deadlock())).isTrue();
        assertThat(TransientFailures.isTransient(new R2dbcRollbackException("could not serialize", "40001")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new R2dbcDataIntegrityViolationException("overlap", "23P01")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void aTransactionAbortedAsADeadlockIsTriedAgainUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();

        StepVerifier.create(retry.mono(failing(attempts, deadlock(), deadlock()), "test"))
                .expectNext("done").verifyComplete();

        assertThat(attempts).hasValue(3);
        assertThat(meters.counter("bantam.transactions.retries", "sqlstate", "40P01", "transaction", "test").count())
                .isEqualTo(2);
    }

    @Test
    void whenEveryAttemptIsAbortedTheCallerGets503WithRetryAfter() {
        AtomicInteger attempts = new AtomicInteger();

        StepVerifier.create(retry.mono(failing(attempts, deadlock(), deadlock(), deadlock(), deadlock()), "test"))
                .verifyErrorSatisfies(failure -> {
                    assertThat(failure).isInstanceOf(ApiException.class);
                    ApiException problem = (ApiException) failure;
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.code()).isEqualTo("service.unavailable");
                    assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(2));
                });
        assertThat(attempts).hasValue(3);
    }

    @Test
    void anyOtherFailureIsNotTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        RuntimeException overlap = new R2dbcDataIntegrityViolationException("overlap", "23P01");

        StepVerifier.create(retry.mono(failing(attempts, overlap), "test")).verifyErrorMatches(overlap::equals);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void insideAnotherTransactionTheFailureGoesUpToTheOutermostOne() {
        AtomicInteger attempts = new AtomicInteger();
        // what an outer @Transactional method or TransactionalOperator puts in the subscriber context
        Mono<String> insideATransaction = TransactionContextManager.currentContext()
                .doOnNext(outer -> outer.setActualTransactionActive(true))
                .then(retry.mono(failing(attempts, deadlock()), "inner"))
                .contextWrite(TransactionContextManager.getOrCreateContext())
                .contextWrite(TransactionContextManager.getOrCreateContextHolder());

        StepVerifier.create(insideATransaction).verifyErrorMatches(TransientFailures::isTransient);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void aManyElementTransactionIsTriedAgainOnlyBeforeItsFirstElement() {
        AtomicInteger attempts = new AtomicInteger();
        Flux<Integer> failsAfterOne = Flux.defer(() -> {
            attempts.incrementAndGet();
            return Flux.just(1).concatWith(Mono.error(deadlock()));
        });

        StepVerifier.create(retry.flux(failsAfterOne, "test")).expectNext(1)
                .verifyErrorMatches(TransientFailures::isTransient);

        assertThat(attempts).hasValue(1);
    }
}
