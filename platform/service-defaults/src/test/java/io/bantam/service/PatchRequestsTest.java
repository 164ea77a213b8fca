package io.bantam.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.testing.TestTokens;
import io.bantam.service.testapp.TestApplication;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A merge-patch body ({@code Patch<T>} members) through a service's web stack: what the JSON mapper, validation and
 * the problem mapping make of it, and how the API document shows it.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "springdoc.paths-to-match=/test/**"})
@AutoConfigureWebTestClient
class PatchRequestsTest {

    @Autowired
    WebTestClient web;

    private final String freelancer = TestTokens.token(UUID.randomUUID(), "FREELANCER");

    @Test
    void absentMembersAreKeptAndNullsSet() {
        assertThat(accepted("{}")).isEqualTo("ThingPatch[name=keep, note=keep, kind=keep, day=keep, when=keep]");
        assertThat(accepted("{\"note\": null, \"name\": \"Ada\", \"kind\": \"LARGE\", \"day\": \"2027-01-10\","
                + " \"when\": \"2026-12-01T10:00:00+01:00\"}"))
                .isEqualTo("ThingPatch[name=Set[value=Ada], note=Set[value=null], kind=Set[value=LARGE],"
                        + " day=Set[value=2027-01-10], when=Set[value=2026-12-01T09:00:00Z]]");
    }

    @Test
    void aNullWhereTheFieldCannotBeClearedIsA400NamingIt() {
        patch("{\"name\": null, \"kind\": null}").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("request.invalid")
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("kind")
                .jsonPath("$.errors[0].message").isEqualTo("must not be null")
                .jsonPath("$.errors[1].field").isEqualTo("name")
                .jsonPath("$.errors[1].message").isEqualTo("must not be null");
    }

    @Test
    void valuesBreakingTheirConstraintsAreA400NamingEachField() {
        patch("{\"name\": \"far too long a name\", \"note\": \"123456\"}").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'name')].message").isEqualTo("size must be between 1 and 10")
                .jsonPath("$.errors[?(@.field == 'note')].message").isEqualTo("size must be between 0 and 5");
    }

    @Test
    void unreadableValuesAreA400NamingTheField() {
        assertThat(refusedField("{\"kind\": \"HUGE\"}")).isEqualTo("kind");
        assertThat(refusedField("{\"when\": 12345}")).isEqualTo("when");
        assertThat(refusedField("{\"when\": \"2026-12-01T10:00:00\"}")).isEqualTo("when");
        assertThat(refusedField("{\"day\": \"2027-01-10T23:30:00\"}")).isEqualTo("day");
        assertThat(refusedField("{\"name\": 12}")).isEqualTo("name");
        assertThat(refusedField("{\"name\": [\"Ada\"]}")).isEqualTo("name");
        assertThat(refusedField("{\"colour\": \"red\"}")).isEqualTo("colour");
    }

    @Test
    void theApiDocumentShowsEachMemberAsItsValue() {
        String json = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode properties = JsonMapper.builder().build().readTree(json).at("/components/schemas/ThingPatch/properties");

        assertThat(properties.at("/name/type").asString()).as(properties.toString()).isEqualTo("string");
        assertThat(properties.at("/kind/enum").toString()).isEqualTo("[\"SMALL\",\"LARGE\"]");
        assertThat(properties.at("/day/format").asString()).isEqualTo("date");
        assertThat(properties.at("/when/format").asString()).isEqualTo("date-time");
        assertThat(properties.properties()).allSatisfy(member -> {
            assertThat(member.getValue().path("writeOnly").asBoolean()).as(member.getKey()).isTrue();
            assertThat(member.getValue().has("properties")).as(member.getKey()).isFalse();
        });
    }

    private String accepted(String body) {
        return patch(body).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private String refusedField(String body) {
        String problem = patch(body).expectStatus().isBadRequest().expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(problem).doesNotContain("Exception").doesNotContain("io.bantam");
        JsonNode errors = JsonMapper.builder().build().readTree(problem).path("errors");
        assertThat(errors.size()).as(problem).isEqualTo(1);
        return errors.get(0).path("field").asString();
    }

    private WebTestClient.ResponseSpec patch(String body) {
        return web.patch().uri("/test/things/" + UUID.randomUUID()).headers(h -> h.setBearerAuth(freelancer))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
