package io.bantam.identity.auth;

import io.bantam.service.problem.ApiException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Argon2id at OWASP's minimum parameters (m = 19 MiB, t = 2, p = 1; 16-byte salt, 32-byte hash). Hashing is
 * deliberately slow and memory-hungry, so it runs off the event loop on a scheduler with one thread per core:
 * that caps the CPU and the memory (19 MiB per hash in flight) that a burst of logins can take.
 */
@Component
class PasswordHasher implements DisposableBean {

    static final int SALT_LENGTH = 16;
    static final int HASH_LENGTH = 32;
    static final int PARALLELISM = 1;
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder encoder =
            new Argon2PasswordEncoder(SALT_LENGTH, HASH_LENGTH, PARALLELISM, MEMORY_KIB, ITERATIONS);
    private final Scheduler scheduler = Schedulers.newBoundedElastic(
            Math.max(2, Runtime.getRuntime().availableProcessors()), 1_000, "argon2");
    /** Checked when the email is unknown, so that answer takes as long as a wrong password. */
    private final String dummyHash = encoder.encode("not the password of anyone");

    Mono<String> hash(String password) {
        return offload(() -> encoder.encode(password));
    }

    /**
     * Whether the password matches the hash. Without a hash (unknown user) it checks against a dummy hash and
     * answers false, taking the same time as a real check.
     */
    Mono<Boolean> verify(String password, Optional<String> hash) {
        return offload(() -> encoder.matches(password, hash.orElse(dummyHash)) && hash.isPresent());
    }

    private <T> Mono<T> offload(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work)
                .subscribeOn(scheduler)
                .onErrorMap(RejectedExecutionException.class, e -> ApiException.unavailable(
                        "Too many logins at once. Try again shortly.", Duration.ofSeconds(1)));
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }
}
