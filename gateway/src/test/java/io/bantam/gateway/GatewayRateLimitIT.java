package io.bantam.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.testing.WithPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import reactor.netty.http.client.HttpClient;

/**
 * The rate limits at the gateway, on a real PostgreSQL: per user on writes, per address on the public auth
 * endpoints, a tighter budget for connecting to clients; refusals are 429 problems that never reach a service.
 * The limits are small here so the tests are quick: writes 3 at once then one every 2 s, auth 3 at once then
 * one a minute, connecting 2 at once then one a minute. Only 127.0.0.1 is a trusted proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bantam.gateway.rate-limits.writes.per-minute=30",
        "bantam.gateway.rate-limits.writes.burst=3",
        "bantam.gateway.rate-limits.auth.per-minute=1",
        "bantam.gateway.rate-limits.auth.burst=3",
        "bantam.gateway.rate-limits.connect.per-minute=1",
        "bantam.gateway.rate-limits.connect.burst=2",
        "bantam.gateway.rate-limits.timeout=5s",  // the timeout is GatewayRateLimitFailOpenIT's business
        "TRUSTED_PROXIES=127.0.0.1/32"})
@WithPostgres
class GatewayRateLimitIT {

    static final TestTokens tokens = new TestTokens();
    static final FakeIdentity identity = FakeIdentity.start(tokens);
    static final FakeIdentity relationships = FakeIdentity.start(tokens);

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("IDENTITY_URL", identity::url);
        registry.add("RELATIONSHIP_URL", relationships::url);
    }

    @AfterAll
    static void stopUpstreams() {
        identity.close();
        relationships.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        identity.clear();
        relationships.clear();
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void writesOverTheLimitAre429ProblemsThatNeverReachTheService() {
        String token = tokens.validFor(UUID.randomUUID().toString());
        double limitedBefore = limited("writes");

        for (int remaining = 2; remaining >= 0; remaining--) {
            patchMe(client, token).expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", "3")
                    .expectHeader().valueEquals("RateLimit-Remaining", String.valueOf(remaining))
                    .expectHeader().exists("RateLimit-Reset");
        }
        patchMe(client, token)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter ->
                        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 2))
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.code").isEqualTo("rate-limited")
                .jsonPath("$.type").isEqualTo("urn:bantam:problem:rate-limited")
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty();

        assertThat(identity.requestCount()).isEqualTo(3);
        assertThat(limited("writes")).isEqualTo(limitedBefore + 1);
    }

    @Test
    void readsAreNotLimitedPerUser() {
        String token = tokens.validFor(UUID.randomUUID().toString());
        exhaustWrites(token);

        for (int i = 0; i < 10; i++) {
            client.get().uri("/api/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange().expectStatus().isOk().expectHeader().doesNotExist("RateLimit-Remaining");
        }
    }

    @Test
    void anotherUserIsUnaffected() {
        exhaustWrites(tokens.validFor(UUID.randomUUID().toString()));

        patchMe(client, tokens.validFor(UUID.randomUUID().toString())).expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", "2");
    }

    @Test
    void afterRetryAfterTheUserCanWriteAgain() {
        String token = tokens.validFor(UUID.randomUUID().toString());
        int retryAfter = exhaustWrites(token);

        await().pollDelay(Duration.ofSeconds(retryAfter)).atMost(Duration.ofSeconds(retryAfter + 3))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> patchMe(client, token).expectStatus().isOk());
    }

    @Test
    void connectingToClientsHasATighterBudgetOfItsOwn() {
        String token = tokens.validFor(UUID.randomUUID().toString());

        for (int i = 0; i < 2; i++) {
            connect(token).expectStatus().isOk();
        }
        connect(token).expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter ->
                        assertThat(Integer.parseInt(retryAfter)).isBetween(55, 60))
                .expectBody().jsonPath("$.code").isEqualTo("rate-limited");
        assertThat(relationships.requestCount()).isEqualTo(2);

        patchMe(client, token).expectStatus().isOk();  // other writes still have their budget
    }

    @Test
    void authEndpointsAreLimitedPerClientAddress() {
        String address = randomAddress();
        for (String path : new String[] {"/api/auth/signup", "/api/auth/login", "/api/auth/refresh"}) {
            auth(client, path, address).expectStatus().isOk();
        }

        auth(client, "/api/auth/logout", address)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter ->
                        assertThat(Integer.parseInt(retryAfter)).isBetween(55, 60))
                .expectBody().jsonPath("$.code").isEqualTo("rate-limited");
        assertThat(identity.requestCount()).isEqualTo(3);

        // a token does not buy an address a budget of its own on these endpoints
        client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .header("X-Forwarded-For", address)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
                .exchange().expectStatus().isEqualTo(429);
    }

    @Test
    void anotherAddressForwardedByATrustedProxyIsUnaffected() {
        String address = randomAddress();
        for (int i = 0; i < 4; i++) {
            auth(client, "/api/auth/login", address);
        }

        auth(client, "/api/auth/login", randomAddress()).expectStatus().isOk();
        auth(client, "/api/auth/login", address).expectStatus().isEqualTo(429);
    }

    @Test
    void anUntrustedPeerCannotEscapeItsLimitWithItsOwnXForwardedFor() {
        // 127.0.0.2 is this machine too, but not a trusted proxy: what it says it forwarded is not believed
        HttpClient fromElsewhere = HttpClient.create().bindAddress(() -> new InetSocketAddress("127.0.0.2", 0));
        WebTestClient untrusted = WebTestClient.bindToServer(new ReactorClientHttpConnector(fromElsewhere))
                .baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(10)).build();

        for (int i = 0; i < 3; i++) {
            auth(untrusted, "/api/auth/login", randomAddress()).expectStatus().isOk();
        }
        auth(untrusted, "/api/auth/login", randomAddress()).expectStatus().isEqualTo(429);
        auth(untrusted, "/api/auth/login", null).expectStatus().isEqualTo(429);

        auth(client, "/api/auth/login", randomAddress()).expectStatus().isOk();
    }

    @Test
    void healthIsNotLimited() {
        for (int i = 0; i < 10; i++) {
            client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                    .expectHeader().doesNotExist("RateLimit-Remaining");
        }
    }

    /** Uses up a user's write budget; answers the Retry-After of the refusal. */
    private int exhaustWrites(String token) {
        for (int i = 0; i < 3; i++) {
            patchMe(client, token).expectStatus().isOk();
        }
        String retryAfter = patchMe(client, token).expectStatus().isEqualTo(429)
                .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        assertThat(retryAfter).isNotNull();
        return Integer.parseInt(retryAfter);
    }

    private static ResponseSpec patchMe(WebTestClient client, String token) {
        return client.patch().uri("/api/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Ada\"}").exchange();
    }

    private ResponseSpec connect(String token) {
        return client.post().uri("/api/relationships").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"clientEmail\":\"c@example.com\"}").exchange();
    }

    private static ResponseSpec auth(WebTestClient client, String path, String forwardedFor) {
        WebTestClient.RequestBodySpec request = client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (forwardedFor != null) {
            request = request.header("X-Forwarded-For", forwardedFor);
        }
        return request.bodyValue("{}").exchange();
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private double limited(String policy) {
        var counter = meters.find("bantam.ratelimit.limited").tag("policy", policy).counter();
        return counter == null ? 0 : counter.count();
    }
}
