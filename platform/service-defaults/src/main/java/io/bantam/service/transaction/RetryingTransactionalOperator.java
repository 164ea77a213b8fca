package io.bantam.service.transaction;

import org.springframework.transaction.TransactionException;
import org.springframework.transaction.reactive.TransactionCallback;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code TransactionalOperator} services inject: each transaction it runs is tried again as a whole after a
 * deadlock or serialization failure ({@link TransactionRetry}). The work handed to it is subscribed once per
 * attempt, so it must be a lazy pipeline, as reactive code is.
 */
final class RetryingTransactionalOperator implements TransactionalOperator {

    private static final String NAME = "TransactionalOperator";

    private final TransactionalOperator delegate;
    private final TransactionRetry retry;

    RetryingTransactionalOperator(TransactionalOperator delegate, TransactionRetry retry) {
        this.delegate = delegate;
        this.retry = retry;
    }

    @Override
    public <T> Flux<T> transactional(Flux<T> flux) {
        return retry.flux(delegate.transactional(flux), NAME);
    }

    @Override
    public <T> Mono<T> transactional(Mono<T> mono) {
        return retry.mono(delegate.transactional(mono), NAME);
    }

    @Override
    public <T> Flux<T> execute(TransactionCallback<T> action) throws TransactionException {
        return retry.flux(delegate.execute(action), NAME);
    }
}
