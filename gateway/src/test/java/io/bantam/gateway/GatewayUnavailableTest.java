package io.bantam.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.testing.WithPostgres;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** identity-service is down: the gateway answers 503 at once, never hangs, and recovers when it is back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bantam.gateway.resilience.open-state-wait=1s",
                "bantam.gateway.rate-limits.auth.burst=1000"})  // dozens of logins from one address
@WithPostgres  // the rate limits' database
class GatewayUnavailableTest {

    static final TestTokens tokens = new TestTokens();
    static final int identityPort = freePort();

    @DynamicPropertySource
    static void identityUrl(DynamicPropertyRegistry registry) {
        registry.add("IDENTITY_URL", () -> "http://127.0.0.1:" + identityPort);
    }

    @LocalServerPort
    int port;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void aDownServiceIsA503ProblemWithRetryAfterWellUnderASecond() {
        // the first call also pays for lazy start-up (HTTP client, breaker, JIT): not what is measured here
        login().expectStatus().isEqualTo(503);
        for (int i = 0; i < 15; i++) {  // refused connections, then (from the 10th call) an open circuit
            long started = System.nanoTime();
            login().expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals("Retry-After", "1")
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(503)
                    .jsonPath("$.code").isEqualTo("service.unavailable")
                    .jsonPath("$.detail").isNotEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
        }
        assertThat(circuitBreakers.getCircuitBreakerRegistry().find("identity"))
                .hasValueSatisfying(breaker -> assertThat(breaker.getState()).isEqualTo(State.OPEN));
    }

    @Test
    void trafficFlowsAgainSoonAfterTheServiceIsBack() {
        for (int i = 0; i < 15; i++) {
            login().expectStatus().isEqualTo(503);
        }
        try (FakeIdentity identity = FakeIdentity.startOn(identityPort, tokens)) {
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> login().expectStatus().isOk());
            assertThat(identity.requestCount()).isPositive();
        }
    }

    private WebTestClient.ResponseSpec login() {
        return client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"ada@example.com\",\"password\":\"correct horse\"}")
                .exchange();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
