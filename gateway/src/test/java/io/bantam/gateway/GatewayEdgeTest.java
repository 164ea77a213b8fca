package io.bantam.gateway;

import io.bantam.testing.WithPostgres;
import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.gateway.ScriptedUpstream.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

/**
 * What the gateway adds at the edge to every answer: CORS for the web UI's origin (configured here as two
 * origins, the way the environment gives them), security headers, and what it answers for requests too large to
 * parse.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bantam.gateway.cors.allowed-origins=http://localhost:5173,https://app.example.com")
@WithPostgres  // the rate limits' database
class GatewayEdgeTest {

    static final String UI = "http://localhost:5173";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

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
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    // CORS

    @Test
    void aPreflightFromTheWebUiIsAnsweredWithoutATokenAndNeverReachesTheService() {
        client.options().uri("/api/users/me")
                .header(HttpHeaders.ORIGIN, UI)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, traceparent")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, UI)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods)
                        .contains("GET", "POST", "PUT", "PATCH", "DELETE"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers -> assertThat(headers.toLowerCase())
                        .contains("authorization", "content-type", "traceparent"))
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600")
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)
                .expectHeader().value(HttpHeaders.VARY, vary -> assertThat(vary).contains("Origin"));
        assertThat(identity.totalCalls()).isZero();
    }

    @Test
    void theWebUiMayAskForABrowserSessionAtSignInAndTheCookieAndItsSetCookiePassThrough() {
        client.options().uri("/api/auth/refresh")
                .header(HttpHeaders.ORIGIN, UI)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "bantam-session, content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase()).contains("bantam-session"));
        assertThat(identity.totalCalls()).isZero();

        String cookie = "bantam_refresh=next; Max-Age=2592000; Path=/api/auth; Secure; HttpOnly; SameSite=Strict";
        identity.script("/api/auth/refresh",
                Answer.ok("{\"refreshToken\":null}").withHeader(HttpHeaders.SET_COOKIE, cookie));
        client.post().uri("/api/auth/refresh")
                .header("Bantam-Session", "cookie")
                .cookie("bantam_refresh", "first")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.SET_COOKIE, cookie);
        assertThat(identity.lastHeaders().get(HttpHeaders.COOKIE)).isEqualTo("bantam_refresh=first");
        assertThat(identity.lastHeaders().get("Bantam-Session")).isEqualTo("cookie");
    }

    @Test
    void aSecondConfiguredOriginIsAllowedToo() {
        client.options().uri("/api/auth/login")
                .header(HttpHeaders.ORIGIN, "https://app.example.com")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example.com");
    }

    @Test
    void aPreflightFromAnotherOriginIsA403Problem() {
        client.options().uri("/api/users/me")
                .header(HttpHeaders.ORIGIN, "https://evil.example.com")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody().jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.code").isEqualTo("request.origin-not-allowed");
        assertThat(identity.totalCalls()).isZero();
    }

    @Test
    void aPreflightForAMethodOrHeaderTheApiDoesNotTakeIsA403Problem() {
        client.options().uri("/api/users/me")
                .header(HttpHeaders.ORIGIN, UI)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "TRACE")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody().jsonPath("$.code").isEqualTo("request.origin-not-allowed");
        client.options().uri("/api/users/me")
                .header(HttpHeaders.ORIGIN, UI)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, x-internal-token")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void aRequestFromTheWebUiMayReadTheAnswerAndItsLocationAndRetryAfter() {
        identity.script("/api/users/me", Answer.ok("{\"name\":\"Ada\"}"));

        client.get().uri("/api/users/me")
                .header(HttpHeaders.ORIGIN, UI)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, UI)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed)
                        .contains("Location", "Retry-After", "RateLimit-Remaining"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)
                .expectHeader().value(HttpHeaders.VARY, vary -> assertThat(vary).contains("Origin"))
                .expectBody().jsonPath("$.name").isEqualTo("Ada");
    }

    @Test
    void problemAnswersCarryTheAllowedOriginToo() {
        // 401: no token; 404: no route; 503: booking-service down; 413: too large
        client.get().uri("/api/users/me").header(HttpHeaders.ORIGIN, UI).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, UI)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/no/such/thing").header(HttpHeaders.ORIGIN, UI).exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, UI);
        client.get().uri("/api/bookings").header(HttpHeaders.ORIGIN, UI)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, UI)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
        client.post().uri("/api/auth/signup").header(HttpHeaders.ORIGIN, UI)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"x\":\"" + "a".repeat(1024 * 1024) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, UI);
    }

    @Test
    void aRequestFromAnotherOriginIsA403ProblemAndNeverReachesTheService() {
        client.post().uri("/api/auth/login")
                .header(HttpHeaders.ORIGIN, "https://evil.example.com")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody().jsonPath("$.code").isEqualTo("request.origin-not-allowed");
        assertThat(identity.totalCalls()).isZero();
    }

    @Test
    void sameOriginAndNonBrowserRequestsGetNoCorsHeadersEvenWhenTheServiceSendsSome() {
        identity.script("/api/auth/login", Answer.ok("{}")
                .withHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .withHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true"));

        client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
        client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .header(HttpHeaders.ORIGIN, "http://127.0.0.1:" + port)  // the page the gateway served itself
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void theGatewaysCorsAnswerWinsOverTheServices() {
        identity.script("/api/auth/login", Answer.ok("{}")
                .withHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .withHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true"));

        EntityExchangeResult<byte[]> result = client.post().uri("/api/auth/login").header(HttpHeaders.ORIGIN, UI)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();
        assertThat(result.getResponseHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(UI);
        assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).isFalse();
    }

    // Security headers

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        String token = "Bearer " + tokens.valid();
        List<EntityExchangeResult<byte[]>> answers = List.of(
                client.get().uri("/api/users/me").header(HttpHeaders.AUTHORIZATION, token).exchange()
                        .expectStatus().isOk().expectBody().returnResult(),
                client.get().uri("/api/users/me").exchange()
                        .expectStatus().isUnauthorized().expectBody().returnResult(),
                client.get().uri("/no/such/thing").exchange()
                        .expectStatus().isNotFound().expectBody().returnResult(),
                client.get().uri("/api/bookings").header(HttpHeaders.AUTHORIZATION, token).exchange()
                        .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE).expectBody().returnResult(),
                client.options().uri("/api/users/me").header(HttpHeaders.ORIGIN, UI)
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET").exchange()
                        .expectStatus().isOk().expectBody().returnResult(),
                client.get().uri("/actuator/health/liveness").exchange()
                        .expectStatus().isOk().expectBody().returnResult());
        for (EntityExchangeResult<byte[]> answer : answers) {
            assertSecurityHeaders(answer.getResponseHeaders(), API_POLICY);
        }
    }

    @Test
    void theGatewaysSecurityHeadersReplaceTheServicesOnceEach() {
        identity.script("/api/users/me", Answer.ok("{}")
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("X-Frame-Options", "SAMEORIGIN")
                .withHeader("Referrer-Policy", "origin")
                .withHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")
                .withHeader("Pragma", "no-cache")
                .withHeader("Expires", "0")
                .withHeader("Content-Security-Policy", "default-src *")
                .withHeader("Strict-Transport-Security", "max-age=60"));

        EntityExchangeResult<byte[]> result = client.get().uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
                .exchange().expectStatus().isOk().expectBody().returnResult();

        assertSecurityHeaders(result.getResponseHeaders(), API_POLICY);
        assertThat(result.getResponseHeaders().containsHeader("Pragma")).isFalse();
        assertThat(result.getResponseHeaders().containsHeader("Expires")).isFalse();
    }

    // Limits of what the gateway parses at all

    @Test
    void anOversizedHeaderIsA431ProblemTheWebUiCanRead() {
        client.get().uri("/api/users/me")
                .header(HttpHeaders.ORIGIN, UI)
                .header("X-Padding", "a".repeat(17 * 1024))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE)
                .expectHeader().contentType("application/problem+json")
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, UI)
                .expectBody().jsonPath("$.code").isEqualTo("request.headers-too-large");
        assertThat(identity.totalCalls()).isZero();
    }

    @Test
    void headersUpToTheLimitGetThrough() {
        assertThat(rawGet("/api/auth/login", "X-Padding", "a".repeat(15 * 1024))).isEqualTo(200);
        assertThat(identity.calls("/api/auth/login")).isEqualTo(1);
    }

    @Test
    void anOverlongUrlIsA414ProblemTheWebUiCanRead() {
        assertThat(rawGet("/api/auth/login?q=" + "a".repeat(3 * 1024), "X-Padding", "-")).isEqualTo(200);
        client.get().uri("/api/users/me?q=" + "a".repeat(5 * 1024))
                .header(HttpHeaders.ORIGIN, UI)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.URI_TOO_LONG)
                .expectHeader().contentType("application/problem+json")
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, UI)
                .expectBody().jsonPath("$.code").isEqualTo("request.uri-too-long");
        assertThat(identity.calls("/api/users/me")).isZero();
    }

    @Test
    void farBeyondTheLimitsNettyStillRefusesAndNeverA5xx() {
        assertThat(rawGet("/api/users/me", "X-Padding", "a".repeat(65 * 1024)))
                .isEqualTo(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value());
        assertThat(rawGet("/api/users/me?q=" + "a".repeat(17 * 1024), "X-Padding", "-"))
                .isEqualTo(HttpStatus.URI_TOO_LONG.value());
        assertThat(identity.totalCalls()).isZero();
    }

    private int rawGet(String uri, String header, String value) {
        return HttpClient.create().baseUrl("http://127.0.0.1:" + port)
                .headers(headers -> headers.set(header, value))
                .get().uri(uri)
                .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                        .map(text -> statusOf(response)))
                .block(Duration.ofSeconds(10));
    }

    private static int statusOf(HttpClientResponse response) {
        return response.status().code();
    }

    static void assertSecurityHeaders(HttpHeaders headers, String policy) {
        assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(headers.get("X-Frame-Options")).containsExactly("DENY");
        assertThat(headers.get("Referrer-Policy")).containsExactly("no-referrer");
        assertThat(headers.get(HttpHeaders.CACHE_CONTROL)).containsExactly("no-store");
        assertThat(headers.get("Content-Security-Policy")).containsExactly(policy);
        assertThat(headers.get("Strict-Transport-Security")).containsExactly("max-age=31536000; includeSubDomains");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
