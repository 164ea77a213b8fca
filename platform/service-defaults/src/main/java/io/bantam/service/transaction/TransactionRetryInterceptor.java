package io.bantam.service.transaction;

import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.ProxyMethodInvocation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Around a {@code @Transactional} method that returns a {@code Mono} or {@code Flux}, outside the transaction
 * interceptor: each attempt calls the method anew, through the transaction interceptor, so it runs in a new
 * transaction from its first statement ({@link TransactionRetry}).
 */
final class TransactionRetryInterceptor implements MethodInterceptor {

    private final Supplier<TransactionRetry> retry;

    TransactionRetryInterceptor(Supplier<TransactionRetry> retry) {
        this.retry = retry;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Class<?> type = invocation.getMethod().getReturnType();
        if (!(invocation instanceof ProxyMethodInvocation proxied)
                || !(Mono.class.isAssignableFrom(type) || Flux.class.isAssignableFrom(type))) {
            return invocation.proceed();
        }
        // a fresh copy of the rest of the chain per attempt: a method invocation may be proceeded only once
        ProxyMethodInvocation template = (ProxyMethodInvocation) proxied.invocableClone();
        String name = invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                + invocation.getMethod().getName();
        if (Mono.class.isAssignableFrom(type)) {
            return retry.get().mono(Mono.defer(() -> {
                try {
                    Mono<?> attempt = (Mono<?>) template.invocableClone().proceed();
                    return attempt == null ? Mono.empty() : attempt;
                } catch (Throwable failure) {
                    return Mono.error(failure);
                }
            }), name);
        }
        return retry.get().flux(Flux.defer(() -> {
            try {
                Flux<?> attempt = (Flux<?>) template.invocableClone().proceed();
                return attempt == null ? Flux.empty() : attempt;
            } catch (Throwable failure) {
                return Flux.error(failure);
            }
        }), name);
    }
}
