package io.bantam.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.testing.WithPostgres;
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
 * Calendar feeds through the gateway, on a real PostgreSQL: {@code /calendar/<token>.ics} is routed to
 * booking-service without a token, and failed look-ups (404) are rate-limited per client address, 3 at once then
 * one a minute here; successful ones never count. Only 127.0.0.1 is a trusted proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bantam.gateway.rate-limits.lookups.per-minute=1",
        "bantam.gateway.rate-limits.lookups.burst=3",
        "bantam.gateway.rate-limits.timeout=5s",
        "TRUSTED_PROXIES=127.0.0.1/32"})
@WithPostgres
class GatewayFeedLookupIT {

    static final TestTokens tokens = new TestTokens();
    static final FakeIdentity identity = FakeIdentity.start(tokens);
    static final FakeIdentity booking = FakeIdentity.start(tokens);

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("IDENTITY_URL", identity::url);
        registry.add("BOOKING_URL", booking::url);
    }

    @AfterAll
    static void stopUpstreams() {
        identity.close();
        booking.close();
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        booking.clear();
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void aFeedIsRoutedWithoutATokenAndItsSuccessesNeverCount() throws InterruptedException {
        for (int i = 0; i < 8; i++) {
            feed("203.0.113.10", "s3cr3t").expectStatus().isOk();
        }

        assertThat(booking.nextRequest().uri()).isEqualTo("/calendar/s3cr3t.ics");
        assertThat(booking.requestCount()).isEqualTo(7);
    }

    @Test
    void failedLookUpsSpendTheAddresssBudgetThenEvenAGoodAddressIsRefused() {
        for (int left = 2; left >= 0; left--) {
            feed("203.0.113.20", "missing").expectStatus().isNotFound()
                    .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(left));
        }

        feed("203.0.113.20", "s3cr3t")
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.code").isEqualTo("rate-limited");
        assertThat(booking.requestCount()).isEqualTo(3);

        feed("203.0.113.21", "missing").expectStatus().isNotFound();
        feed("203.0.113.21", "s3cr3t").expectStatus().isOk();
    }

    @Test
    void onlyTheFeedsShapeIsRoutedSoTheWebUisCalendarPagesStayItsOwn() {
        client.get().uri("/calendar/2027-01-04").exchange().expectStatus().value(status ->
                assertThat(status).isNotEqualTo(200));
        assertThat(booking.requestCount()).isZero();
    }

    private WebTestClient.ResponseSpec feed(String address, String token) {
        return client.get().uri("/calendar/{token}.ics", token).header("X-Forwarded-For", address).exchange();
    }
}
