package io.bantam.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class PasswordHasherTest {

    private static final PasswordHasher HASHER = new PasswordHasher();

    @AfterAll
    static void stop() {
        HASHER.destroy();
    }

    @Test
    void hashIsArgon2idAtOwaspParametersWithARandomSalt() {
        String first = HASHER.hash("correct horse").block();
        String second = HASHER.hash("correct horse").block();

        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void rightPasswordMatchesAndWrongOneDoesNot() {
        String hash = HASHER.hash("correct horse").block();

        StepVerifier.create(HASHER.verify("correct horse", Optional.of(hash))).expectNext(true).verifyComplete();
        StepVerifier.create(HASHER.verify("wrong horse", Optional.of(hash))).expectNext(false).verifyComplete();
    }

    @Test
    void unknownUserNeverMatchesNotEvenTheDummysOwnPassword() {
        StepVerifier.create(HASHER.verify("not the password of anyone", Optional.empty()))
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void hashingRunsOffTheCallersThread() {
        String caller = Thread.currentThread().getName();

        String worker = HASHER.hash("x").map(hash -> Thread.currentThread().getName()).block();

        assertThat(worker).startsWith("argon2").isNotEqualTo(caller);
    }
}
