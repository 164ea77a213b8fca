package io.bantam.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.gateway.FakeIdentity.Received;
import io.bantam.testing.WithPostgres;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway in front of a real (fake) identity-service: what passes through, what is refused at the edge.
 * Runs as if on Kubernetes, where Spring Boot would otherwise trust a caller's X-Forwarded-For.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.cloud-platform=kubernetes")
@WithPostgres  // the rate limits' database
class GatewayRoutingTest {

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

    WebTestClient client;

    @BeforeEach
    void setUp() {
        identity.clear();
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void aRequestReachesIdentityWithPathMethodBodyAndTokenIntact() throws Exception {
        String token = tokens.valid();
        String body = "{\"name\":\"Ada\",\"timeZone\":\"Europe/Berlin\"}";

        client.patch().uri("/api/users/me?fields=name")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Upstream", "identity")
                .expectBody().json(body);

        Received received = identity.nextRequest();
        assertThat(received.method()).isEqualTo("PATCH");
        assertThat(received.uri()).isEqualTo("/api/users/me?fields=name");
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
        assertThat(received.header(HttpHeaders.CONTENT_TYPE)).startsWith("application/json");
    }

    @Test
    void publicAuthEndpointsNeedNoToken() throws Exception {
        for (String path : List.of("/api/auth/signup", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout")) {
            client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\":\"a@b.c\"}")
                    .exchange()
                    .expectStatus().isOk();
            Received received = identity.nextRequest();
            assertThat(received.uri()).isEqualTo(path);
            assertThat(received.body()).isEqualTo("{\"email\":\"a@b.c\"}");
        }
    }

    @Test
    void healthNeedsNoToken() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void theCallersAddressIsAppendedLastToXForwardedFor() throws Exception {
        client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();
        assertThat(entries(identity.nextRequest())).containsExactly("127.0.0.1");
    }

    @Test
    void aForgedXForwardedForCannotTakeTheLastPlace() throws Exception {
        client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .header("X-Forwarded-For", "203.0.113.7, 198.51.100.2")
                .header("Forwarded", "for=203.0.113.8")
                .exchange().expectStatus().isOk();

        List<String> entries = entries(identity.nextRequest());
        assertThat(entries).last().isEqualTo("127.0.0.1");
        assertThat(entries).startsWith("203.0.113.7", "198.51.100.2");
    }

    @Test
    void hopByHopAndForwardedHeadersStayAtTheGateway() throws Exception {
        client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .header("Forwarded", "for=203.0.113.8;proto=https")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("Keep-Alive", "timeout=99")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Keep-Alive");

        Received received = identity.nextRequest();
        assertThat(received.headers().contains("Forwarded")).isFalse();
        assertThat(received.headers().contains("Proxy-Authorization")).isFalse();
        assertThat(received.headers().contains("Keep-Alive")).isFalse();
    }

    @Test
    void aProtectedRouteWithoutATokenIsA401Problem() {
        client.get().uri("/api/users/me")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.code").isEqualTo("auth.unauthenticated");
        assertThat(identity.requestCount()).isZero();
    }

    @Test
    void aProtectedRouteWithABadTokenIsA401Problem() {
        for (String token : List.of("not-a-jwt", tokens.expired(), tokens.wrongAudience(),
                tokens.signedByAnotherKey())) {
            client.get().uri("/api/users/me")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("auth.unauthenticated");
        }
        assertThat(identity.requestCount()).isZero();
    }

    @Test
    void pathTricksDoNotSneakPastTheTokenCheck() {
        HttpClient raw = HttpClient.create().baseUrl("http://127.0.0.1:" + port);  // sends paths as written
        for (String path : List.of("/api/auth/login/../../users/me", "/api/auth/login/%2e%2e/%2e%2e/users/me",
                "/api/auth/login%2f..%2f..%2fusers%2fme", "/api/auth/login;/../../users/me", "//api/users/me",
                "/api//users/me", "/api/auth/signup/", "/API/users/me")) {
            Integer status = raw.get().uri(path).response().map(response -> response.status().code())
                    .block(Duration.ofSeconds(10));
            assertThat(status).as(path).isBetween(400, 404);
        }
        assertThat(identity.requestCount()).isZero();
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        client.get().uri("/no/such/thing")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.code").isEqualTo("not-found");
    }

    @Test
    void anUnknownApiRouteIsA404ProblemForAnAuthenticatedCaller() {
        client.get().uri("/api/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
    }

    @Test
    void theFallbackIsNoRouteOfItsOwn() {
        client.get().uri("/gateway/unavailable")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
    }

    @Test
    void errorAnswersOfIdentityPassThroughUnchanged() {
        client.get().uri("/api/users/missing")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().json(FakeIdentity.MISSING_PROBLEM, true);

        client.get().uri("/api/users/broken")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody().jsonPath("$.code").isEqualTo("internal");
    }

    @Test
    void aBodyUpToTheLimitGetsThrough() throws Exception {
        String body = json(1024 * 1024 - 64);
        client.post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isOk();
        assertThat(identity.nextRequest().body()).hasSize(body.length());
    }

    @Test
    void aLargerBodyIsA413ProblemAndNeverReachesTheService() {
        client.post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON).bodyValue(json(1024 * 1024 + 1))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("request.too-large");
        assertThat(identity.requestCount()).isZero();
    }

    @Test
    void aLargerBodyWithoutContentLengthIsA413Problem() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> chunks = Flux.range(0, 40)
                .map(i -> buffers.wrap(new byte[64 * 1024]));  // 2.5 MiB, sent chunked
        client.post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.code").isEqualTo("request.too-large");
        assertThat(identity.requestCount()).isZero();
    }

    @Test
    void manyConcurrentRequestsAllGetThrough() {
        WebClient concurrent = WebClient.create("http://127.0.0.1:" + port);
        String token = tokens.valid();
        List<Integer> statuses = Flux.range(0, 60)
                .flatMap(i -> concurrent.get().uri("/api/users/held")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())),
                        60)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(statuses).hasSize(60).containsOnly(200);
    }

    private static String json(int length) {
        return "{\"x\":\"" + "a".repeat(length - 8) + "\"}";
    }

    private static List<String> entries(Received received) {
        String forwardedFor = received.header("X-Forwarded-For");
        assertThat(forwardedFor).as("X-Forwarded-For").isNotNull();
        return Arrays.stream(forwardedFor.split(",")).map(String::trim).toList();
    }
}
