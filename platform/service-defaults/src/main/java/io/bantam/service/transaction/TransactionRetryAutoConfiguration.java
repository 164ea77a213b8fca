package io.bantam.service.transaction;

import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Method;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.function.SingletonSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every service's transactions are tried again after a deadlock or serialization failure
 * ({@link TransactionRetry}): its {@code @Transactional} methods that return a {@code Mono} or {@code Flux}, by an
 * advisor that runs outside the transaction interceptor, and the {@code TransactionalOperator} it injects.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
        beforeName = "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration")
@ConditionalOnClass({ReactiveTransactionManager.class, Mono.class})
@EnableConfigurationProperties(TransactionRetryProperties.class)
public class TransactionRetryAutoConfiguration {

    /** Outside the transaction interceptor (whose order is {@link Ordered#LOWEST_PRECEDENCE}). */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    @Bean
    @ConditionalOnMissingBean
    TransactionRetry transactionRetry(TransactionRetryProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new TransactionRetry(properties, meters.getIfAvailable());
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor transactionRetryAdvisor(ObjectProvider<TransactionRetry> retry) {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new ReactiveTransactionalMethods(),
                new TransactionRetryInterceptor(SingletonSupplier.of(retry::getObject)));
        advisor.setOrder(ORDER);
        return advisor;
    }

    @Bean
    @ConditionalOnSingleCandidate(ReactiveTransactionManager.class)
    @ConditionalOnMissingBean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager,
            TransactionRetry retry) {
        return new RetryingTransactionalOperator(TransactionalOperator.create(transactionManager), retry);
    }

    /** Methods that {@code @Transactional} (on the method or its class) applies to and that return a publisher. */
    static final class ReactiveTransactionalMethods extends StaticMethodMatcherPointcut {

        private final TransactionAttributeSource transactions = new AnnotationTransactionAttributeSource(false);

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            Class<?> type = method.getReturnType();
            return (Mono.class.isAssignableFrom(type) || Flux.class.isAssignableFrom(type))
                    && transactions.getTransactionAttribute(method, targetClass) != null;
        }
    }
}
