package io.bantam.identity.ratelimit;

import io.bantam.identity.ratelimit.domain.Decision;
import io.bantam.identity.ratelimit.domain.FixedWindow;
import io.bantam.identity.ratelimit.persistence.LoginAttemptStore;
import io.bantam.identity.ratelimit.persistence.LoginAttemptStore.Count;
import io.bantam.identity.user.domain.Emails;
import io.bantam.service.problem.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Login attempts per email and per client address, counted in PostgreSQL so the limit holds across restarts
 * and replicas. Every attempt counts, refused ones included, before the password is even checked: a brute
 * force gets 429 without costing a hash.
 */
@Service
public class LoginRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(LoginRateLimiter.class);

    private final LoginAttemptStore store;
    private final FixedWindow perEmail;
    private final FixedWindow perAddress;
    private final Clock clock;

    LoginRateLimiter(LoginAttemptStore store, LoginRateLimitProperties properties, Clock clock) {
        this.store = store;
        this.perEmail = properties.perEmail().toWindow();
        this.perAddress = properties.perAddress().toWindow();
        this.clock = clock;
    }

    /** Counts one attempt; fails with 429 {@code rate-limited} and a {@code Retry-After} when over a limit. */
    public Mono<Void> attempt(String email, String clientAddress) {
        Instant now = clock.instant();
        String emailBucket = "email:" + Emails.canonical(email);
        String addressBucket = "address:" + clientAddress;
        return store.increment(List.of(
                        new LoginAttemptStore.Bucket(emailBucket, perEmail.startOf(now), perEmail.endOf(now)),
                        new LoginAttemptStore.Bucket(addressBucket, perAddress.startOf(now), perAddress.endOf(now))))
                .flatMap(counts -> {
                    Decision decision = perEmail.decide(count(counts, emailBucket), now)
                            .and(perAddress.decide(count(counts, addressBucket), now));
                    if (decision.allowed()) {
                        return Mono.empty();
                    }
                    return Mono.error(ApiException.rateLimited("Too many login attempts. Try again later.",
                            decision.retryAfter()));
                });
    }

    @Scheduled(initialDelay = 1, fixedDelay = 5, timeUnit = TimeUnit.MINUTES)
    Mono<Void> deleteExpired() {
        return store.deleteExpiredBefore(clock.instant())
                .doOnNext(count -> log.debug("Deleted {} expired login attempt counters", count))
                .then();
    }

    private static long count(List<Count> counts, String bucket) {
        return counts.stream().filter(c -> c.bucket().equals(bucket)).mapToLong(Count::attempts).max().orElse(0);
    }
}
