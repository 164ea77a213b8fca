package io.bantam.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.testing.PostgresDatabase;
import io.bantam.testing.TestInfrastructure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * The limiter's database away, back, and slow. The gateway reaches PostgreSQL through a relay the test stops
 * and starts; it starts with the relay stopped, as a gateway whose database is down. Writes: one at once, then
 * one a minute, so a second write is refused whenever the limits hold. The scenario runs in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bantam.gateway.rate-limits.writes.per-minute=1",
        "bantam.gateway.rate-limits.writes.burst=1"})
@TestMethodOrder(OrderAnnotation.class)
class GatewayRateLimitFailOpenIT {

    static final TestTokens tokens = new TestTokens();
    static final FakeIdentity identity = FakeIdentity.start(tokens);
    static final PostgresDatabase database = TestInfrastructure.newDatabase("GatewayRateLimitFailOpenIT");
    static final TcpRelay relay = new TcpRelay(database.host(), database.port());  // stopped: the database is away

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        String address = "//127.0.0.1:" + relay.port() + "/" + database.database();
        registry.add("IDENTITY_URL", identity::url);
        registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql:" + address);
        registry.add("spring.r2dbc.username", database::username);
        registry.add("spring.r2dbc.password", database::password);
        registry.add("spring.flyway.url", () -> "jdbc:postgresql:" + address);
        registry.add("spring.flyway.user", database::username);
        registry.add("spring.flyway.password", database::password);
    }

    @AfterAll
    static void stopAll() {
        relay.close();
        identity.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        identity.clear();
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    @Order(1)
    void withItsDatabaseAwayTheGatewayStartsIsReadyAndLetsEveryRequestThrough() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        String token = tokens.validFor(UUID.randomUUID().toString());
        double before = failedOpen(null);

        for (int i = 0; i < 12; i++) {
            patchMe(token).expectStatus().isOk().expectHeader().doesNotExist("RateLimit-Remaining");
        }

        assertThat(identity.requestCount()).isEqualTo(12);
        assertThat(failedOpen(null)).isEqualTo(before + 12);
        // after five failures in a row the circuit opens: the rest went on at once, without trying the database
        assertThat(failedOpen("circuit-open")).isPositive();
        assertThat(circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("rate-limits").getState())
                .isEqualTo(State.OPEN);
    }

    @Test
    @Order(2)
    void whenTheDatabaseIsBackTheSchemaIsMigratedAndTheLimitsHoldAgain() {
        relay.start();
        String token = tokens.validFor(UUID.randomUUID().toString());

        // the schema migration retries in the background (1 s, doubling to 30 s); the circuit half-opens after 5 s
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> patchMe(token).expectStatus().isEqualTo(429));
        patchMe(token).expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
    }

    @Test
    @Order(3)
    void aSlowDatabaseLetsTheRequestThroughAfterTheTimeout() throws Exception {
        relay.start();
        String user = UUID.randomUUID().toString();
        String token = tokens.validFor(user);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> patchMe(token).expectStatus().isEqualTo(429));  // the limits hold
        double before = failedOpen(null);

        try (Connection direct = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password())) {
            direct.setAutoCommit(false);
            lockRow(direct, "writes:" + user);  // the gateway's statement now waits for this transaction

            long started = System.nanoTime();
            patchMe(token).expectStatus().isOk();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(240)).isLessThan(Duration.ofSeconds(3));
            assertThat(failedOpen(null)).isEqualTo(before + 1);
            direct.rollback();
        }

        patchMe(token).expectStatus().isEqualTo(429);  // the lock gone, the limits hold again
    }

    private static void lockRow(Connection connection, String key) throws Exception {
        String sql = "SELECT tat FROM rate_limit WHERE key = ? FOR UPDATE";
        try (PreparedStatement lock = connection.prepareStatement(sql)) {
            lock.setString(1, key);
            try (ResultSet row = lock.executeQuery()) {
                assertThat(row.next()).as("the row of %s", key).isTrue();
            }
        }
    }

    private ResponseSpec patchMe(String token) {
        return client.patch().uri("/api/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Ada\"}").exchange();
    }

    /** Requests let through unchecked, for one reason or (null) for any. */
    private double failedOpen(String reason) {
        var search = meters.find("bantam.ratelimit.fail.open");
        if (reason != null) {
            search = search.tag("reason", reason);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }
}
