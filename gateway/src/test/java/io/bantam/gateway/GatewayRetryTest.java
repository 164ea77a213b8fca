package io.bantam.gateway;

import io.bantam.testing.WithPostgres;
import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.gateway.ScriptedUpstream.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Reads are retried, writes never: a GET or HEAD that meets a refused or dropped connection or a 502/503/504 is
 * tried up to twice more; a POST, PUT, PATCH or DELETE reaches the service once, whatever happens to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres  // the rate limits' database
class GatewayRetryTest {

    static final TestTokens tokens = new TestTokens();
    static final ScriptedUpstream identity = ScriptedUpstream.identity(tokens);
    static final int bookingPort = freePort();  // nothing listens: booking-service is down

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("IDENTITY_URL", identity::url);
        registry.add("BOOKING_URL", () -> "http://127.0.0.1:" + bookingPort);
    }

    @AfterAll
    static void stopUpstreams() {
        identity.close();
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        identity.reset();
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void aGetAnswered503OnceIsTriedAgainAndSucceeds() {
        identity.script("/api/users/flaky", Answer.problem(503, "service.unavailable"), Answer.ok("{\"ok\":true}"));

        client.get().uri("/api/users/flaky").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.ok").isEqualTo(true);

        assertThat(identity.calls("GET /api/users/flaky")).isEqualTo(2);
    }

    @Test
    void aGetWhoseConnectionIsDroppedOnceIsTriedAgainAndSucceeds() {
        identity.script("/api/users/flaky", Answer.dropConnection(), Answer.ok("{\"ok\":true}"));

        client.get().uri("/api/users/flaky").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.ok").isEqualTo(true);

        assertThat(identity.calls("GET /api/users/flaky")).isEqualTo(2);
    }

    @Test
    void aHeadAnswered502OnceIsTriedAgain() {
        identity.script("/api/users/flaky", Answer.json(502, "{}"), Answer.ok("{}"));

        client.head().uri("/api/users/flaky").exchange().expectStatus().isOk();

        assertThat(identity.calls("HEAD /api/users/flaky")).isEqualTo(2);
    }

    @Test
    void aGetIsTriedThreeTimesAtMostThenTheServicesAnswerPassesThrough() {
        identity.script("/api/users/flaky", Answer.problem(503, "service.unavailable"));

        client.get().uri("/api/users/flaky").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.from").isEqualTo("upstream");

        assertThat(identity.calls("GET /api/users/flaky")).isEqualTo(3);
    }

    @Test
    void aGetAnswered500IsNotTriedAgain() {
        identity.script("/api/users/flaky", Answer.problem(500, "internal"), Answer.ok("{}"));

        client.get().uri("/api/users/flaky").exchange().expectStatus().isEqualTo(500);

        assertThat(identity.calls("GET /api/users/flaky")).isEqualTo(1);
    }

    @Test
    void aGetAnsweredWithAnotherErrorIsNotTriedAgain() {
        identity.script("/api/users/flaky", Answer.problem(404, "not-found"), Answer.ok("{}"));

        client.get().uri("/api/users/flaky").exchange().expectStatus().isNotFound();

        assertThat(identity.calls("GET /api/users/flaky")).isEqualTo(1);
    }

    @Test
    void aPostAnswered503ReachesTheServiceOnceAndPassesTheAnswerOn() {
        identity.script("/api/auth/login", Answer.problem(503, "service.unavailable"), Answer.ok("{}"));

        client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.from").isEqualTo("upstream");

        assertThat(identity.calls("POST /api/auth/login")).isEqualTo(1);
    }

    @Test
    void aPostWhoseConnectionIsDroppedIsA503ProblemAndReachedTheServiceOnce() {
        identity.script("/api/auth/login", Answer.dropConnection(), Answer.ok("{}"));

        client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.code").isEqualTo("service.unavailable");

        assertThat(identity.calls("POST /api/auth/login")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
    void otherWritesAreNeverTriedAgain(String method) {
        identity.script("/api/users/flaky", Answer.problem(503, "service.unavailable"), Answer.ok("{}"));

        client.method(HttpMethod.valueOf(method)).uri("/api/users/flaky")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503);

        assertThat(identity.calls(method + " /api/users/flaky")).isEqualTo(1);
    }

    @Test
    void aGetToADownServiceIsStillA503ProblemWellUnderASecond() {
        // the first call also pays for lazy start-up (HTTP client, breaker, JIT): not what is measured here
        client.get().uri("/api/bookings").exchange().expectStatus().isEqualTo(503);
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            client.get().uri("/api/bookings").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                    .expectBody().jsonPath("$.code").isEqualTo("service.unavailable");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
