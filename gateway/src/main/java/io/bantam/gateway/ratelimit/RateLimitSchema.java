package io.bantam.gateway.ratelimit;

import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Migrates the rate-limit table at start, as every service migrates its schema, with one difference: a database
 * that is away does not stop the gateway from starting. The first attempt runs during start-up (so a normal start
 * serves with the table in place); if it fails, the gateway starts anyway, requests go on unchecked, and the
 * migration is tried again in the background (1 s, doubling up to 30 s) until it succeeds.
 */
final class RateLimitSchema implements FlywayMigrationStrategy, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RateLimitSchema.class);

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final boolean enabled;
    private volatile Disposable retrying;

    RateLimitSchema(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void migrate(Flyway flyway) {
        if (!enabled) {
            log.info("Rate limits are switched off: the gateway's database is not used");
            return;
        }
        try {
            flyway.migrate();
            return;
        } catch (RuntimeException e) {
            log.warn("Could not migrate the rate-limit schema, so requests go on unchecked until it is; trying "
                    + "again in the background: {}", firstLine(e));
        }
        retrying = Mono.fromRunnable(flyway::migrate)
                .subscribeOn(Schedulers.boundedElastic())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_RETRY).maxBackoff(LONGEST_RETRY)
                        .doBeforeRetry(signal -> log.warn("Rate-limit schema still not migrated (attempt {}): {}",
                                signal.totalRetries() + 2, firstLine(signal.failure()))))
                .subscribe(null,
                        failure -> log.error("Gave up migrating the rate-limit schema", failure),
                        () -> log.info("Rate-limit schema migrated; rate limits are enforced"));
    }

    /** Flyway's messages run to a dozen lines; the first says what happened. */
    private static String firstLine(Throwable failure) {
        String text = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    @Override
    public void destroy() {
        Disposable running = retrying;
        if (running != null) {
            running.dispose();
        }
    }
}
