package io.bantam.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.testing.PostgresDatabase;
import io.bantam.testing.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two gateway replicas on one database share every budget: a caller that spreads its requests over the replicas
 * (as a load balancer does) gets what one replica would give it, not twice as much.
 */
class GatewayRateLimitReplicasIT {

    static final TestTokens tokens = new TestTokens();
    static final FakeIdentity identity = FakeIdentity.start(tokens);
    static final PostgresDatabase database = TestInfrastructure.newDatabase("GatewayRateLimitReplicasIT");
    static final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
    static final List<WebTestClient> clients = new ArrayList<>();

    @BeforeAll
    static void startTwoReplicas() {
        for (int i = 0; i < 2; i++) {
            ConfigurableApplicationContext replica = new SpringApplicationBuilder(GatewayApplication.class).run(database.springArguments(
                    "--server.port=0", "--management.server.port=0",
                    "--IDENTITY_URL=" + identity.url(),
                    "--bantam.gateway.rate-limits.writes.per-minute=1",
                    "--bantam.gateway.rate-limits.writes.burst=4",
                    "--bantam.gateway.rate-limits.auth.per-minute=1",
                    "--bantam.gateway.rate-limits.auth.burst=2",
                    "--bantam.gateway.rate-limits.timeout=5s",
                    "--TRUSTED_PROXIES=127.0.0.1/32"));
            replicas.add(replica);
            clients.add(WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + replica.getEnvironment().getProperty("local.server.port"))
                    .responseTimeout(Duration.ofSeconds(10)).build());
        }
    }

    @AfterAll
    static void stopReplicas() {
        replicas.forEach(ConfigurableApplicationContext::close);
        identity.close();
    }

    @Test
    void aUserSpreadingWritesOverTwoReplicasGetsOneBudget() {
        String token = tokens.validFor(UUID.randomUUID().toString());
        identity.clear();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(clients.get(i % 2).patch().uri("/api/users/me")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().returnResult(Void.class).getStatus().value());
        }

        assertThat(statuses).containsExactly(200, 200, 200, 200, 429, 429, 429, 429);
        assertThat(identity.requestCount()).isEqualTo(4);
    }

    @Test
    void anAddressSpreadingLoginsOverTwoReplicasGetsOneBudget() {
        String address = "203.0.113." + (1 + (int) (Math.random() * 254));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(clients.get(i % 2).post().uri("/api/auth/login").header("X-Forwarded-For", address)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().returnResult(Void.class).getStatus().value());
        }

        assertThat(statuses).containsExactly(200, 200, 429, 429);
    }
}
