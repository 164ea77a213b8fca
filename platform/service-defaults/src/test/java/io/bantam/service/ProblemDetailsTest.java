package io.bantam.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.service.testapp.TestApplication;
import io.bantam.testing.TestTokens;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What every service answers for bad input, missing routes, refusals and failures: problem+json, never internals. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "spring.http.codecs.max-in-memory-size=1KB",
                "bantam.security.public-paths=/test/public"})
@AutoConfigureWebTestClient
class ProblemDetailsTest {

    @Autowired
    WebTestClient web;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private final String freelancer = TestTokens.token(UUID.randomUUID(), "FREELANCER");

    @Test
    void malformedJsonIsA400Problem() {
        post("{\"name\": \"x\",").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("request.invalid")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.type").isNotEmpty()
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty();
    }

    @Test
    void validationErrorsNameEachField() {
        post("{\"name\": \"far too long a name\"}").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("request.invalid")
                .jsonPath("$.errors[?(@.field == 'name')].message").exists()
                .jsonPath("$.errors[?(@.field == 'kind')].message").exists();
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() {
        String body = post("{\"name\": \"x\", \"kind\": \"HUGE\"}").expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"field\":\"kind\"").contains("SMALL").doesNotContain("io.bantam")
                .doesNotContain("Exception");
    }

    @Test
    void aWrongTypeIsA400NamingTheField() {
        String body = post("{\"name\": \"x\", \"kind\": \"SMALL\", \"when\": \"yesterday\"}")
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"field\":\"when\"").doesNotContain("java.").doesNotContain("Exception");
    }

    @Test
    void anUnknownMemberIsA400NamingIt() {
        post("{\"name\": \"x\", \"kind\": \"SMALL\", \"colour\": \"red\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("colour")
                .jsonPath("$.errors[0].message").isEqualTo("is not a known field");
    }

    @Test
    void aValidRequestPasses() {
        post("{\"name\": \"x\", \"kind\": \"SMALL\", \"when\": \"" + Instant.now() + "\"}")
                .expectStatus().isCreated();
    }

    @Test
    void anOversizedBodyIs413() {
        post("{\"name\": \"" + "x".repeat(4096) + "\", \"kind\": \"SMALL\"}")
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo("request.too-large");
    }

    @Test
    void aBadPathParameterIs400() {
        get("/test/things/not-a-uuid").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.invalid");
    }

    @Test
    void aBadQueryParameterIs400NamingIt() {
        get("/test/things?limit=many").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
    }

    @Test
    void anUnknownRouteIs404() {
        get("/test/nothing-here").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
    }

    @Test
    void aRefusalKeepsItsCodeAndExtraMembers() {
        get("/test/things/" + TestApplication.MISSING).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
        get("/test/conflict").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("booking.conflict")
                .jsonPath("$.conflictingParty").isEqualTo("CLIENT");
    }

    @Test
    void aBugIsA500WithNothingOfItsCause() {
        String body = get("/test/bug").expectStatus().is5xxServerError()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"code\":\"internal\"").doesNotContain("SELECT").doesNotContain("IllegalState")
                .doesNotContain("at io.");
    }

    @Test
    void anUnavailableDatabaseIs503WithRetryAfter() {
        get("/test/database-down").expectStatus().isEqualTo(503)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.code").isEqualTo("service.unavailable")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain("5432"));
    }

    @Test
    void noTokenIs401Problem() {
        web.get().uri("/test/me").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody().jsonPath("$.code").isEqualTo("auth.unauthenticated");
    }

    @Test
    void theCurrentUserComesFromTheToken() {
        UUID id = UUID.randomUUID();
        web.get().uri("/test/me").headers(h -> h.setBearerAuth(TestTokens.token(id, "CLIENT"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(id.toString()).jsonPath("$.role").isEqualTo("CLIENT");
    }

    @Test
    void theWrongRoleIs403Problem() {
        web.get().uri("/test/freelancers-only")
                .headers(h -> h.setBearerAuth(TestTokens.token(UUID.randomUUID(), "CLIENT"))).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("role.forbidden");
        get("/test/freelancers-only").expectStatus().isOk();
    }

    @Test
    void aPublicPathIgnoresAStaleToken() {
        String expired = TestTokens.sign(TestTokens.KEY, TestTokens.claims(UUID.randomUUID(), "CLIENT",
                TestTokens.ISSUER, TestTokens.AUDIENCE, Instant.now().minusSeconds(3600)));
        web.get().uri("/test/public").headers(h -> h.setBearerAuth(expired)).exchange().expectStatus().isOk();
        web.get().uri("/test/me").headers(h -> h.setBearerAuth(expired)).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aPathTheFirewallRefusesIsA400Problem() {
        web.get().uri(java.net.URI.create("http://localhost:" + port + "/test/things/%2e%2e/secret")).headers(h -> h.setBearerAuth(freelancer))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("request.invalid");
    }

    @Test
    void healthIsPublic() {
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec post(String json) {
        return web.post().uri("/test/things").headers(h -> h.setBearerAuth(freelancer))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private WebTestClient.ResponseSpec get(String uri) {
        return web.get().uri(uri).headers(h -> h.setBearerAuth(freelancer)).exchange();
    }
}
