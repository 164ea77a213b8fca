package io.bantam.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.testing.Ports;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Rate limits switched off ({@code BANTAM_GATEWAY_RATELIMITS_ENABLED=false}): nothing is limited, and the gateway
 * neither needs nor tries its database (here: nothing listens where it points).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bantam.gateway.rate-limits.enabled=false",
        "bantam.gateway.rate-limits.writes.burst=1",
        "bantam.gateway.rate-limits.auth.burst=1"})
class GatewayRateLimitsOffIT {

    static final TestTokens tokens = new TestTokens();
    static final FakeIdentity identity = FakeIdentity.start(tokens);
    static final int nothingListens = Ports.freePort();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("IDENTITY_URL", identity::url);
        registry.add("DB_PORT", () -> nothingListens);
    }

    @AfterAll
    static void stopIdentity() {
        identity.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void nothingIsLimitedAndTheDatabaseIsNeverAsked() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
        String token = tokens.validFor(UUID.randomUUID().toString());

        for (int i = 0; i < 5; i++) {
            client.patch().uri("/api/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectStatus().isOk().expectHeader().doesNotExist("RateLimit-Remaining");
            client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectStatus().isOk();
        }

        assertThat(meters.find("bantam.ratelimit.fail.open").counters()).isEmpty();
        assertThat(meters.find("bantam.ratelimit.check").timers()).isEmpty();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }
}
