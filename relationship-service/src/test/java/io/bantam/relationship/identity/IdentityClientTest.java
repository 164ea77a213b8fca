package io.bantam.relationship.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.relationship.support.FakeIdentity;
import io.bantam.relationship.support.FakeIdentity.Behaviour;
import io.bantam.service.problem.ApiException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.test.StepVerifier;

/** The guarded lookup client against a real (fake) identity-service over HTTP, without a Spring context. */
class IdentityClientTest {

    private static FakeIdentity identity;

    private final IdentityClientProperties.CircuitBreaker breakerSettings =
            new IdentityClientProperties.CircuitBreaker(4, 4, 50, Duration.ofSeconds(30), 1);
    private CircuitBreaker circuitBreaker;
    private IdentityClient client;

    @BeforeAll
    static void startIdentity() {
        identity = FakeIdentity.start();
    }

    @AfterAll
    static void stopIdentity() {
        identity.close();
    }

    @BeforeEach
    void client() {
        client = clientWith(FakeIdentity.TOKEN, identity.url());
    }

    @AfterEach
    void identityBackToNormal() {
        identity.restart();
    }

    @Test
    void findsAUserByEmailAndById() {
        UUID id = UUID.randomUUID();
        String email = "ada+crm-" + id + "@example.com";
        Instant updatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        identity.knows(id, email, "Ada", "CLIENT", updatedAt);

        StepVerifier.create(client.findByEmail(email))
                .assertNext(profile -> {
                    assertThat(profile.id()).isEqualTo(id);
                    assertThat(profile.email()).isEqualTo(email);
                    assertThat(profile.isClient()).isTrue();
                    assertThat(profile.timeZone()).isEqualTo("Europe/Berlin");
                    assertThat(profile.phone()).isEqualTo("+49 30 1234");
                    assertThat(profile.asOf()).isEqualTo(updatedAt);
                })
                .verifyComplete();
        StepVerifier.create(client.findById(id))
                .assertNext(profile -> assertThat(profile.email()).isEqualTo(email))
                .verifyComplete();
    }

    @Test
    void aUserIdentityDoesNotKnowIsEmptyAndNotAskedAgain() {
        int before = identity.lookups();

        StepVerifier.create(client.findByEmail("nobody-" + UUID.randomUUID() + "@example.com")).verifyComplete();
        StepVerifier.create(client.findById(UUID.randomUUID())).verifyComplete();

        assertThat(identity.lookups() - before).isEqualTo(2);
        assertThat(circuitBreaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void aFailedAttemptIsRetriedOnce() {
        UUID id = UUID.randomUUID();
        identity.knows(id, "retry-" + id + "@example.com", "Ada", "CLIENT", Instant.now());
        identity.behave(Behaviour.FAIL_ONCE);
        int before = identity.lookups();

        StepVerifier.create(client.findById(id)).expectNextCount(1).verifyComplete();

        assertThat(identity.lookups() - before).isEqualTo(2);
    }

    @Test
    void twoFailedAttemptsAreUnavailable() {
        identity.behave(Behaviour.FAILING);
        int before = identity.lookups();

        StepVerifier.create(client.findById(UUID.randomUUID())).verifyErrorSatisfies(IdentityClientTest::unavailable);

        assertThat(identity.lookups() - before).isEqualTo(2);
    }

    @Test
    void aRefusedCredentialIsUnavailableAndNotRetried() {
        IdentityClient wrongCredential = clientWith("not-the-credential-identity-accepts", identity.url());
        int before = identity.lookups();

        StepVerifier.create(wrongCredential.findById(UUID.randomUUID()))
                .verifyErrorSatisfies(IdentityClientTest::unavailable);

        assertThat(identity.lookups() - before).isEqualTo(1);
    }

    @Test
    void aNotFoundWithoutIdentitysCodeIsUnavailable() {
        identity.behave(Behaviour.WRONG_ENDPOINT);

        StepVerifier.create(client.findByEmail("someone@example.com")).verifyErrorSatisfies(IdentityClientTest::unavailable);
    }

    @Test
    void aHangingIdentityIsUnavailableAfterTwoAttemptTimeouts() {
        identity.behave(Behaviour.HANGING);
        long start = System.nanoTime();

        StepVerifier.create(client.findById(UUID.randomUUID())).verifyErrorSatisfies(IdentityClientTest::unavailable);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1000),
                Duration.ofMillis(5000));
    }

    @Test
    void aStoppedIdentityIsUnavailableAtOnce() {
        identity.stop();
        // the first call also pays for the HTTP client's lazy start-up: not what is measured here
        StepVerifier.create(client.findById(UUID.randomUUID())).verifyErrorSatisfies(IdentityClientTest::unavailable);
        long start = System.nanoTime();

        StepVerifier.create(client.findById(UUID.randomUUID())).verifyErrorSatisfies(IdentityClientTest::unavailable);

        // a refused connection is not waited on: well under the two 1 s attempt timeouts a hang costs
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1900));
    }

    @Test
    void afterEnoughFailuresTheCircuitOpensAndIdentityIsLeftAlone() {
        identity.behave(Behaviour.FAILING);
        for (int i = 0; i < breakerSettings.minimumCalls(); i++) {
            StepVerifier.create(client.findById(UUID.randomUUID())).verifyError(ApiException.class);
        }
        assertThat(circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        identity.behave(Behaviour.NORMAL);
        int before = identity.lookups();

        StepVerifier.create(client.findById(UUID.randomUUID())).verifyErrorSatisfies(IdentityClientTest::unavailable);

        assertThat(identity.lookups()).isEqualTo(before);
    }

    @Test
    void onlyFailuresAnotherAttemptMayNotMeetAreRetried() {
        assertThat(IdentityClient.isTransient(new WebClientRequestException(new java.net.ConnectException("refused"),
                org.springframework.http.HttpMethod.GET, URI.create("http://identity"),
                new org.springframework.http.HttpHeaders()))).isTrue();
        assertThat(IdentityClient.isTransient(new java.util.concurrent.TimeoutException())).isTrue();
        assertThat(IdentityClient.isTransient(WebClientResponseException.create(HttpStatus.SERVICE_UNAVAILABLE,
                "", null, null, null, null))).isTrue();
        assertThat(IdentityClient.isTransient(WebClientResponseException.create(HttpStatus.UNAUTHORIZED,
                "", null, null, null, null))).isFalse();
        assertThat(IdentityClient.isTransient(WebClientResponseException.create(HttpStatus.BAD_REQUEST,
                "", null, null, null, null))).isFalse();
        assertThat(IdentityClient.isTransient(new IllegalStateException("a 404 without user.not-found"))).isFalse();
    }

    private IdentityClient clientWith(String token, String url) {
        IdentityClientProperties properties = new IdentityClientProperties(URI.create(url), token,
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(100), breakerSettings);
        circuitBreaker = CircuitBreakerRegistry.of(IdentityClientConfiguration.circuitBreakerConfig(breakerSettings))
                .circuitBreaker(IdentityClientConfiguration.NAME);
        return IdentityClientConfiguration.create(properties, circuitBreaker,
                RetryRegistry.of(IdentityClientConfiguration.retryConfig(properties)).retry(IdentityClientConfiguration.NAME),
                ObservationRegistry.NOOP);
    }

    private static void unavailable(Throwable error) {
        assertThat(error).isInstanceOfSatisfying(ApiException.class, problem -> {
            assertThat(problem.code()).isEqualTo("service.unavailable");
            assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        });
    }
}
