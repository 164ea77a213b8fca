package io.bantam.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.testing.WithPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * identity-service takes connections but never answers (hung, or overloaded): the gateway still answers, 503
 * after its timeouts, both for a proxied request and for a token whose keys it cannot fetch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s")
@WithPostgres  // the rate limits' database
class GatewaySilentIdentityTest {

    static final TestTokens tokens = new TestTokens();
    static final ServerSocket silentIdentity = listenWithoutAnswering();

    @DynamicPropertySource
    static void identityUrl(DynamicPropertyRegistry registry) {
        registry.add("IDENTITY_URL", () -> "http://127.0.0.1:" + silentIdentity.getLocalPort());
    }

    @AfterAll
    static void stopIdentity() throws IOException {
        silentIdentity.close();
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
    }

    @Test
    void aRequestToASilentServiceIsA503ProblemAfterTheResponseTimeout() {
        long started = System.nanoTime();
        client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.code").isEqualTo("service.unavailable");

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aTokenWhoseKeysCannotBeFetchedIsA503ProblemNotAHang() {
        long started = System.nanoTime();
        client.get().uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.code").isEqualTo("service.unavailable");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    }

    /** Connections complete in the kernel's backlog; nothing ever reads or answers them. */
    private static ServerSocket listenWithoutAnswering() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
