package io.bantam.service.transaction;

import io.bantam.service.problem.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Tries a whole transaction again when PostgreSQL aborted it as a deadlock or serialization failure
 * ({@link TransientFailures}): a bounded number of times, after a short jittered backoff, each time as a new
 * transaction from its first statement. Such a failure means nothing of the attempt was committed (its outbox row
 * included), so the next attempt cannot write anything twice; every other failure, and any failure of work that
 * runs after the commit, passes through untouched. When no attempt succeeds the caller gets 503
 * {@code service.unavailable} with {@code Retry-After}, never a 500.
 *
 * <p>Only the outermost transaction is tried again: a transactional method called inside another transaction
 * passes the failure up, and the outer one, which owns the aborted transaction, starts over. Every service gets
 * this for its {@code @Transactional} methods and its {@code TransactionalOperator} without writing anything
 * ({@link TransactionRetryAutoConfiguration}); code that builds its own transactions can call {@link #mono} and
 * {@link #flux} with a publisher that opens the transaction on subscription.
 */
public final class TransactionRetry {

    private static final Logger log = LoggerFactory.getLogger(TransactionRetry.class);

    private final TransactionRetryProperties properties;
    private final MeterRegistry meters;

    public TransactionRetry(TransactionRetryProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters == null ? new SimpleMeterRegistry() : meters;
    }

    /**
     * {@code transaction}, subscribed again after a deadlock or serialization failure. It must begin its
     * transaction on subscription (a {@code @Transactional} method's result, {@code TransactionalOperator}).
     */
    public <T> Mono<T> mono(Mono<T> transaction, String name) {
        if (!properties.enabled()) {
            return transaction;
        }
        return outermost().flatMap(outermost -> outermost ? transaction.retryWhen(spec(name, new AtomicBoolean()))
                : transaction);
    }

    /**
     * As {@link #mono}, for a transaction that answers many elements: tried again only while it has emitted none,
     * so a subscriber never sees an element twice.
     */
    public <T> Flux<T> flux(Flux<T> transaction, String name) {
        if (!properties.enabled()) {
            return transaction;
        }
        return outermost().flatMapMany(outermost -> {
            if (!outermost) {
                return transaction;
            }
            AtomicBoolean emitted = new AtomicBoolean();
            return transaction.doOnNext(element -> emitted.set(true)).retryWhen(spec(name, emitted));
        });
    }

    /** Whether the subscriber is outside any transaction (so the one about to begin is the outermost). */
    private static Mono<Boolean> outermost() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .map(synchronization -> !synchronization.isActualTransactionActive())
                .onErrorResume(NoTransactionException.class, none -> Mono.just(true));
    }

    private RetryBackoffSpec spec(String name, AtomicBoolean emitted) {
        return Retry.backoff(properties.maxAttempts() - 1L, properties.firstBackoff())
                .maxBackoff(properties.maxBackoff())
                .jitter(properties.jitter())
                .filter(failure -> !emitted.get() && TransientFailures.isTransient(failure))
                .doBeforeRetry(signal -> {
                    String state = TransientFailures.sqlState(signal.failure());
                    meters.counter("bantam.transactions.retries", "sqlstate", state, "transaction", name).increment();
                    log.info("Transaction {} aborted by the database (SQLSTATE {}); attempt {} of {} follows", name,
                            state, signal.totalRetries() + 2, properties.maxAttempts());
                })
                .onRetryExhaustedThrow((spec, signal) -> {
                    String state = TransientFailures.sqlState(signal.failure());
                    meters.counter("bantam.transactions.exhausted", "sqlstate", state, "transaction", name)
                            .increment();
                    log.warn("Transaction {} aborted by the database (SQLSTATE {}) in all {} attempts; answered 503",
                            name, state, properties.maxAttempts());
                    return ApiException.unavailable("The database is too busy to complete this request right now. "
                            + "Nothing was changed; try again shortly.", properties.retryAfter());
                });
    }
}
