package io.bantam.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.gateway.ScriptedUpstream.Answer;
import io.bantam.testing.WithPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The web UI as the gateway serves it from the bantam-web jar: index.html for every client route (deep links),
 * hashed assets cached for a year, a Content-Security-Policy without unsafe-inline or unsafe-eval, and the API's
 * own answers (404 problems included) untouched by any of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres  // the rate limits' database
class GatewayWebUiTest {

    static final String UI_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'; object-src 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    static final TestTokens tokens = new TestTokens();
    static final ScriptedUpstream identity = ScriptedUpstream.identity(tokens);

    static String indexHtml;
    static String script;
    static String stylesheet;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("IDENTITY_URL", identity::url);
    }

    @BeforeAll
    static void readTheBuiltUi() throws IOException {
        try (InputStream in = new ClassPathResource("static/index.html").getInputStream()) {
            indexHtml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        script = firstMatch("src=\"(/assets/[^\"]+\\.js)\"");
        stylesheet = firstMatch("href=\"(/assets/[^\"]+\\.css)\"");
    }

    private static String firstMatch(String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(indexHtml);
        assertThat(matcher.find()).as("index.html names %s", regex).isTrue();
        return matcher.group(1);
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

    @Test
    void theBuiltUiHasNoInlineScriptOrStyle() {
        assertThat(indexHtml).doesNotContain("<style").doesNotContain(" style=");
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(indexHtml).find()).isFalse();
    }

    @Test
    void theRootAndEveryClientRouteAnswerIndexHtmlRevalidatedEachTime() {
        for (String path : new String[] {"/", "/today", "/clients/0b6c3a4e-1111-4b7a-9c2d-5e6f7a8b9c0d",
                "/bookings/abc", "/my-bookings", "/anything/the/router/does/not/know"}) {
            EntityExchangeResult<String> result = client.get().uri(path).header(HttpHeaders.ACCEPT, BROWSER_ACCEPT)
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).returnResult();
            assertThat(result.getResponseBody()).as(path).isEqualTo(indexHtml);
            HttpHeaders headers = result.getResponseHeaders();
            assertThat(headers.get(HttpHeaders.CACHE_CONTROL)).as(path).containsExactly("no-cache");
            assertThat(headers.get("Content-Security-Policy")).as(path).containsExactly(UI_POLICY);
            assertThat(headers.get("X-Frame-Options")).containsExactly("DENY");
            assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");
        }
    }

    @Test
    void headAsksLikeGet() {
        client.head().uri("/calendar").header(HttpHeaders.ACCEPT, BROWSER_ACCEPT).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void theUiPolicyAllowsNothingInlineNorEval() {
        assertThat(UI_POLICY).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }

    @Test
    void hashedAssetsAreCachedForAYear() {
        client.get().uri(script).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "javascript"))
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                .expectHeader().valueEquals("Content-Security-Policy", UI_POLICY);
        client.get().uri(stylesheet).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "css"))
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
    }

    @Test
    void anUnknownAssetIsA404NeverIndexHtmlNorCachedForever() {
        EntityExchangeResult<byte[]> result = client.get().uri("/assets/nope-12345678.js")
                .header(HttpHeaders.ACCEPT, BROWSER_ACCEPT)
                .exchange().expectStatus().isNotFound().expectBody().returnResult();
        assertThat(result.getResponseHeaders().get(HttpHeaders.CACHE_CONTROL)).containsExactly("no-store");
        assertThat(result.getResponseHeaders().get("Content-Security-Policy")).containsExactly(API_POLICY);
        assertThat(new String(result.getResponseBodyContent() == null ? new byte[0] : result.getResponseBodyContent(),
                StandardCharsets.UTF_8)).doesNotContain("<div id=\"root\">");
        client.get().uri("/favicon-missing.ico").header(HttpHeaders.ACCEPT, BROWSER_ACCEPT).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void unknownApiPathsKeepTheirProblemAnswersEvenForABrowser() {
        for (String path : new String[] {"/api/nope", "/api", "/v3/nope", "/actuator/nope"}) {
            EntityExchangeResult<byte[]> result = client.get().uri(path).header(HttpHeaders.ACCEPT, BROWSER_ACCEPT)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
                    .exchange().expectStatus().isNotFound().expectBody().returnResult();
            assertThat(result.getResponseHeaders().getContentType()).as(path).isNotEqualTo(MediaType.TEXT_HTML);
            assertThat(result.getResponseHeaders().get(HttpHeaders.CACHE_CONTROL)).as(path).containsExactly("no-store");
            assertThat(result.getResponseHeaders().get("Content-Security-Policy")).as(path).containsExactly(API_POLICY);
        }
        client.get().uri("/api/nope").header(HttpHeaders.ACCEPT, BROWSER_ACCEPT)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
                .exchange()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void apiAnswersKeepTheirHeaders() {
        identity.script("/api/users/me", Answer.ok("{\"name\":\"Ada\"}"));
        client.get().uri("/api/users/me").header(HttpHeaders.ACCEPT, BROWSER_ACCEPT)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectHeader().valueEquals("Content-Security-Policy", API_POLICY)
                .expectBody().jsonPath("$.name").isEqualTo("Ada");
    }

    @Test
    void swaggerUiAndTheApiDocumentsAreNotClientRoutes() {
        client.get().uri("/swagger-ui.html").header(HttpHeaders.ACCEPT, BROWSER_ACCEPT).exchange()
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy).isNotEqualTo(UI_POLICY))
                .expectBody(String.class).value(body -> assertThat(body).isNotEqualTo(indexHtml));
    }

    @Test
    void writesToAClientRouteAreNotAnsweredWithIndexHtml() {
        client.post().uri("/today").header(HttpHeaders.ACCEPT, BROWSER_ACCEPT).exchange()
                .expectBody(String.class).value(body -> assertThat(body == null ? "" : body).doesNotContain("<div id=\"root\">"));
    }

    @Test
    void aScriptAskingForJsonIsNotGivenThePage() {
        client.get().uri("/today").header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE).exchange()
                .expectStatus().isNotFound();
    }
}
