package io.bantam.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.service.testsupport.ApiDocuments;
import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The browser's session (docs/web-session.md) over HTTP against a real PostgreSQL and Kafka: with
 * {@code Bantam-Session: cookie} the refresh token is an HttpOnly cookie and never in the JSON; without the header
 * the JSON contract is untouched; the cookie is used only from the API's own origin or a configured one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bantam.identity.browser-session.allowed-origins=http://localhost:5173,https://app.example.com")
@WithPostgres
@WithKafka
class BrowserSessionIT {

    static final String PASSWORD = "correct horse battery staple";
    static final String UI = "http://localhost:5173";
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;

    WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    // signup and login

    @Test
    void aBrowserSignupGetsItsRefreshTokenAsAnHttpOnlyCookieAndNullInTheJson() {
        EntityExchangeResult<Map<String, Object>> result = signup(newEmail(), UI)
                .expectStatus().isCreated()
                .expectBody(JSON).returnResult();

        assertThat(result.getResponseBody()).containsEntry("refreshToken", null).containsEntry("tokenType", "Bearer")
                .containsKeys("accessToken", "user", "expiresIn");
        assertThat(result.getResponseBody().get("accessToken")).asString().isNotBlank();
        ResponseCookie cookie = refreshCookie(result);
        assertThat(cookie.getValue()).isNotBlank();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/api/auth");
        assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofDays(30));  // bantam.identity.tokens.refresh-token-ttl
    }

    @Test
    void aBrowserLoginGetsACookieAndTheJsonLoginStillGetsTheTokenInTheBody() {
        String email = newEmail();
        signup(email, UI).expectStatus().isCreated().expectBody(Void.class);

        EntityExchangeResult<Map<String, Object>> browser = login(email, UI).expectStatus().isOk()
                .expectBody(JSON).returnResult();
        assertThat(browser.getResponseBody()).containsEntry("refreshToken", null);
        assertThat(refreshCookie(browser).getValue()).isNotBlank();

        EntityExchangeResult<Map<String, Object>> json = http.post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult();
        assertThat(json.getResponseBody().get("refreshToken")).asString().isNotBlank();
        assertThat(json.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
    }

    // refresh

    @Test
    void refreshReadsTheCookieWithoutABodyAndRotatesIt() {
        String first = refreshCookie(signup(newEmail(), UI).expectStatus().isCreated()
                .expectBody(JSON).returnResult()).getValue();

        EntityExchangeResult<Map<String, Object>> rotated = browserPost("/api/auth/refresh", first, UI, null)
                .expectStatus().isOk().expectBody(JSON).returnResult();
        String second = refreshCookie(rotated).getValue();
        assertThat(second).isNotEqualTo(first);
        assertThat(rotated.getResponseBody()).containsEntry("refreshToken", null);
        assertThat(rotated.getResponseBody().get("accessToken")).asString().isNotBlank();

        // an empty JSON object is taken as no body
        EntityExchangeResult<Map<String, Object>> again = browserPost("/api/auth/refresh", second, UI, "{}")
                .expectStatus().isOk().expectBody(JSON).returnResult();
        assertThat(refreshCookie(again).getValue()).isNotIn(first, second);
    }

    @Test
    void aReusedCookieIsRefusedEndsTheLoginAndIsCleared() {
        String stolen = refreshCookie(signup(newEmail(), UI).expectStatus().isCreated()
                .expectBody(JSON).returnResult()).getValue();
        String current = refreshCookie(browserPost("/api/auth/refresh", stolen, UI, null)
                .expectStatus().isOk().expectBody(JSON).returnResult()).getValue();

        EntityExchangeResult<JsonNode> reused = browserPost("/api/auth/refresh", stolen, UI, null)
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult();
        assertThat(reused.getResponseBody().path("code").asString()).isEqualTo("auth.refresh-reused");
        assertCleared(reused);

        // the family is revoked: the browser's current token is dead too
        EntityExchangeResult<JsonNode> afterwards = browserPost("/api/auth/refresh", current, UI, null)
                .expectStatus().isUnauthorized().expectBody(JsonNode.class).returnResult();
        assertThat(afterwards.getResponseBody().path("code").asString()).isEqualTo("auth.refresh-invalid");
        assertCleared(afterwards);
    }

    @Test
    void aBrowserRefreshWithoutACookieIsUnauthenticated() {
        browserPost("/api/auth/refresh", null, UI, null)
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("auth.unauthenticated");
    }

    @Test
    void aBrowserRefreshTakesNoTokenInTheBody() {
        String cookie = refreshCookie(signup(newEmail(), UI).expectStatus().isCreated()
                .expectBody(JSON).returnResult()).getValue();

        browserPost("/api/auth/refresh", cookie, UI, "{\"refreshToken\":\"" + cookie + "\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.invalid")
                .jsonPath("$.errors[0].field").isEqualTo("refreshToken");
        // refused before any use: the cookie still works
        browserPost("/api/auth/refresh", cookie, UI, null).expectStatus().isOk().expectBody(Void.class);
    }

    @Test
    void withoutTheHeaderTheCookieIsNeverReadAndTheBodyIsRequired() {
        String cookie = refreshCookie(signup(newEmail(), UI).expectStatus().isCreated()
                .expectBody(JSON).returnResult()).getValue();

        http.post().uri("/api/auth/refresh").cookie(BrowserSessions.COOKIE, cookie).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.invalid")
                .jsonPath("$.errors[0].field").isEqualTo("refreshToken");
        http.post().uri("/api/auth/refresh").cookie(BrowserSessions.COOKIE, cookie)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("refreshToken");
        http.post().uri("/api/auth/logout").cookie(BrowserSessions.COOKIE, cookie)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"refreshToken\":null}").exchange()
                .expectStatus().isBadRequest();

        // none of that touched the cookie's token
        browserPost("/api/auth/refresh", cookie, UI, null).expectStatus().isOk().expectBody(Void.class);
    }

    @Test
    void anotherValueOfTheHeaderIsABadRequest() {
        http.post().uri("/api/auth/signup").header(BrowserSessions.HEADER, "token")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(signupBody(newEmail())).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody().jsonPath("$.code").isEqualTo("request.invalid")
                .jsonPath("$.errors[0].field").isEqualTo(BrowserSessions.HEADER);
    }

    // logout

    @Test
    void aBrowserLogoutRevokesTheCookiesTokenAndClearsIt() {
        String cookie = refreshCookie(signup(newEmail(), UI).expectStatus().isCreated()
                .expectBody(JSON).returnResult()).getValue();

        EntityExchangeResult<?> logout = browserPost("/api/auth/logout", cookie, UI, null)
                .expectStatus().isNoContent().expectBody().isEmpty();
        assertCleared(logout);

        http.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", cookie)).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("auth.refresh-invalid");
        // without a cookie there is nothing to revoke: still 204, still cleared
        assertCleared(browserPost("/api/auth/logout", null, UI, "{}").expectStatus().isNoContent()
                .expectBody().isEmpty());
    }

    // origins (CSRF)

    @Test
    void theApisOwnOriginMayUseTheCookieAsForwardedByTheGatewayOrAddressedDirectly() {
        String email = newEmail();
        // behind the gateway (and an ingress before it): each hop appends the scheme and host it was addressed by
        http.post().uri("/api/auth/signup")
                .header(BrowserSessions.HEADER, "cookie")
                .header(HttpHeaders.ORIGIN, "https://bantam.example.org")
                .header("X-Forwarded-Proto", "https,http")
                .header("X-Forwarded-Host", "bantam.example.org, bantam.example.org")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(signupBody(email)).exchange()
                .expectStatus().isCreated()
                .expectCookie().exists(BrowserSessions.COOKIE)
                .expectBody(Void.class);
        // directly, the way `./bantam up` answers on one port
        login(email, "http://127.0.0.1:" + port).expectStatus().isOk()
                .expectCookie().exists(BrowserSessions.COOKIE)
                .expectBody(Void.class);
        login(email, "https://app.example.com").expectStatus().isOk().expectBody(Void.class);
    }

    @Test
    void aForeignOriginGetsNoCookieAndCannotUseOne() {
        String email = newEmail();
        String cookie = refreshCookie(signup(email, UI).expectStatus().isCreated()
                .expectBody(JSON).returnResult()).getValue();

        for (String foreign : new String[] {"https://evil.example.com", "null", "http://localhost:5174",
                "http://127.0.0.1:" + (port + 1)}) {
            expectForeign(login(email, foreign));
            expectForeign(signup(newEmail(), foreign));
            expectForeign(browserPost("/api/auth/refresh", cookie, foreign, null));
            expectForeign(browserPost("/api/auth/logout", cookie, foreign, null));
        }
        // a forwarded host other than the origin's is no match either
        expectForeign(http.post().uri("/api/auth/refresh")
                .header(BrowserSessions.HEADER, "cookie")
                .header(HttpHeaders.ORIGIN, "https://evil.example.com")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "bantam.example.org")
                .cookie(BrowserSessions.COOKIE, cookie).exchange());

        // none of it used or revoked the token
        browserPost("/api/auth/refresh", cookie, UI, null).expectStatus().isOk().expectBody(Void.class);
    }

    // the API document

    @Test
    void theApiDocumentDescribesTheHeaderOnEveryAuthOperation() {
        ApiDocuments documents = ApiDocuments.of(http);
        for (String operation : new String[] {"signup", "login", "refresh", "logout"}) {
            JsonNode parameters = documents.document().at("/paths/~1api~1auth~1" + operation + "/post/parameters");
            assertThat(parameters.findValuesAsString("name")).as(operation).contains(BrowserSessions.HEADER);
            assertThat(parameters.toString()).as(operation).contains("in\":\"header", "bantam_refresh", "HttpOnly");
        }
        assertThat(documents.describes("POST /api/auth/refresh", 401)).contains("auth.unauthenticated");
        assertThat(documents.describes("POST /api/auth/login", 403)).contains("request.origin-not-allowed");
    }

    // helpers

    static String newEmail() {
        return "browser-" + UUID.randomUUID() + "@example.com";
    }

    static Map<String, String> signupBody(String email) {
        return Map.of("email", email, "password", PASSWORD, "name", "Ada Lovelace", "role", "FREELANCER");
    }

    WebTestClient.ResponseSpec signup(String email, String origin) {
        return http.post().uri("/api/auth/signup").header(BrowserSessions.HEADER, "cookie")
                .header(HttpHeaders.ORIGIN, origin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(signupBody(email)).exchange();
    }

    WebTestClient.ResponseSpec login(String email, String origin) {
        return http.post().uri("/api/auth/login").header(BrowserSessions.HEADER, "cookie")
                .header(HttpHeaders.ORIGIN, origin)
                .header("X-Forwarded-For", "10.9." + (port % 250) + "." + (email.hashCode() & 0x7f))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange();
    }

    /** A POST as the web UI sends it: the header, its origin, the cookie if it holds one, and an optional body. */
    WebTestClient.ResponseSpec browserPost(String path, String cookie, String origin, String body) {
        WebTestClient.RequestBodySpec request = http.post().uri(path).header(BrowserSessions.HEADER, "cookie")
                .header(HttpHeaders.ORIGIN, origin);
        if (cookie != null) {
            request.cookie(BrowserSessions.COOKIE, cookie);
        }
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    static ResponseCookie refreshCookie(EntityExchangeResult<?> result) {
        ResponseCookie cookie = result.getResponseCookies().getFirst(BrowserSessions.COOKIE);
        assertThat(cookie).as("Set-Cookie %s in %s", BrowserSessions.COOKIE, result.getResponseHeaders()).isNotNull();
        return cookie;
    }

    static void assertCleared(EntityExchangeResult<?> result) {
        ResponseCookie cookie = refreshCookie(result);
        assertThat(cookie.getValue()).isEmpty();
        assertThat(cookie.getMaxAge()).isZero();
        assertThat(cookie.getPath()).isEqualTo("/api/auth");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
    }

    static void expectForeign(WebTestClient.ResponseSpec response) {
        Consumer<EntityExchangeResult<JsonNode>> check = result -> {
            assertThat(result.getResponseBody().path("code").asString()).isEqualTo("request.origin-not-allowed");
            assertThat(result.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        };
        check.accept(response.expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult());
    }
}
