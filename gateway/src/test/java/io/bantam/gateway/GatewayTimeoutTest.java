package io.bantam.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** identity-service accepts the request but does not answer: the route's response timeout ends the wait. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s")
class GatewayTimeoutTest {

    static final TestTokens tokens = new TestTokens();
    static final FakeIdentity identity = FakeIdentity.start(tokens);

    @DynamicPropertySource
    static void identityUrl(DynamicPropertyRegistry registry) {
        registry.add("IDENTITY_URL", identity::url);
    }

    @AfterAll
    static void stopIdentity() {
        identity.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aSlowServiceIsA503ProblemAfterTheResponseTimeout() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();

        long started = System.nanoTime();
        client.get().uri("/api/users/slow")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.code").isEqualTo("service.unavailable");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(4));
    }
}
