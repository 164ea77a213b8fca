package io.bantam.service.transaction;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a transaction that PostgreSQL aborted as a deadlock or serialization failure is tried again
 * ({@code bantam.transactions.retry.*}, e.g. {@code BANTAM_TRANSACTIONS_RETRY_MAXATTEMPTS}).
 *
 * @param enabled whether transactions are tried again at all
 * @param maxAttempts attempts in all, the first included; then the caller gets 503 {@code service.unavailable}
 * @param firstBackoff the wait before the second attempt; it doubles for each further one, up to {@code maxBackoff}
 * @param maxBackoff the longest wait between two attempts
 * @param jitter the random part of each wait (0 to 1): racing transactions do not meet again in step
 * @param retryAfter the {@code Retry-After} of the 503 when every attempt failed
 */
@ConfigurationProperties("bantam.transactions.retry")
public record TransactionRetryProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("20ms") Duration firstBackoff,
        @DefaultValue("500ms") Duration maxBackoff,
        @DefaultValue("0.5") double jitter,
        @DefaultValue("1s") Duration retryAfter) {

    public TransactionRetryProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("bantam.transactions.retry.max-attempts must be at least 1");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("bantam.transactions.retry.jitter must be between 0 and 1");
        }
    }

    /** The defaults, for code that builds a {@link TransactionRetry} itself (tests). */
    public static TransactionRetryProperties defaults() {
        return new TransactionRetryProperties(true, 5, Duration.ofMillis(20), Duration.ofMillis(500), 0.5,
                Duration.ofSeconds(1));
    }
}
