package io.bantam.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.service.testapp.TestApplication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What every service's /v3/api-docs says without a word of OpenAPI in its controllers. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "spring.application.name=test-service",
                "bantam.api.description=Things, for tests.",
                "bantam.security.public-paths=/test/public",
                "springdoc.paths-to-match=/test/**"})
@AutoConfigureWebTestClient
class ApiDocumentTest {

    @Autowired
    WebTestClient web;

    JsonNode document;

    @BeforeEach
    void fetch() {
        String json = web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        document = JsonMapper.builder().build().readTree(json);
    }

    @Test
    void theDocumentNamesTheServiceAndTheGatewayAsItsServer() {
        assertThat(document.at("/info/title").asString()).isEqualTo("Bantam test-service");
        assertThat(document.at("/info/description").asString()).isEqualTo("Things, for tests.");
        assertThat(document.at("/info/version").asString()).isNotBlank();
        assertThat(document.at("/servers/0/url").asString()).isEqualTo("/");
    }

    @Test
    void pathParametersAreNamedRequiredUuids() {
        JsonNode parameter = operation("/test/things/{id}", "get").at("/parameters/0");
        assertThat(parameter.at("/name").asString()).isEqualTo("id");
        assertThat(parameter.at("/in").asString()).isEqualTo("path");
        assertThat(parameter.at("/required").asBoolean()).isTrue();
        assertThat(parameter.at("/schema/type").asString()).isEqualTo("string");
        assertThat(parameter.at("/schema/format").asString()).isEqualTo("uuid");
    }

    @Test
    void theCallerIsNoParameter() {
        assertThat(operation("/test/me", "get").path("parameters").isMissingNode()
                || operation("/test/me", "get").path("parameters").isEmpty()).isTrue();
    }

    @Test
    void protectedOperationsNeedTheBearerTokenAndCanAnswer401() {
        JsonNode scheme = document.at("/components/securitySchemes/bearerAuth");
        assertThat(scheme.at("/type").asString()).isEqualTo("http");
        assertThat(scheme.at("/scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.at("/bearerFormat").asString()).isEqualTo("JWT");

        JsonNode me = operation("/test/me", "get");
        assertThat(me.at("/security/0").has("bearerAuth")).isTrue();
        assertThat(me.at("/responses").has("401")).isTrue();

        JsonNode open = operation("/test/public", "get");
        assertThat(open.path("security").isMissingNode()).isTrue();
        assertThat(open.at("/responses").has("401")).isFalse();
    }

    @Test
    void theAnswersThatApplyAreListed() {
        assertThat(codes(operation("/test/things", "post"))).contains("201", "400", "401", "413", "429", "503")
                .doesNotContain("404");
        assertThat(codes(operation("/test/things/{id}", "get"))).contains("200", "400", "401", "404", "429", "503")
                .doesNotContain("413");
        assertThat(codes(operation("/test/public", "get"))).containsExactly("200", "429", "503");
        assertThat(codes(operation("/test/conflict", "get"))).contains("200", "409");
        assertThat(operation("/test/conflict", "get").at("/responses/409/description").asString()).contains("booking.conflict");
    }

    @Test
    void everyErrorIsAProblemAndEverySuccessIsJson() {
        List<String> checked = new ArrayList<>();
        document.at("/paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().at("/responses").properties().forEach(response -> {
                    String code = response.getKey();
                    JsonNode content = response.getValue().path("content");
                    if (code.startsWith("4") || code.startsWith("5")) {
                        assertThat(content.at("/application~1problem+json/schema/$ref").asString())
                                .as("%s %s %s", operation.getKey(), path.getKey(), code)
                                .isEqualTo("#/components/schemas/Problem");
                        assertThat(content.propertyNames()).containsExactly("application/problem+json");
                        checked.add(code);
                    } else if (!content.isMissingNode()) {
                        assertThat(content.propertyNames()).as("%s %s %s", operation.getKey(), path.getKey(), code)
                                .containsExactly("application/json");
                    }
                    if (code.equals("429") || code.equals("503")) {
                        assertThat(response.getValue().at("/headers/Retry-After/schema/type").asString()).isEqualTo("integer");
                    }
                })));
        assertThat(checked).contains("400", "401", "404", "409", "413", "429", "503");
        assertThat(document.at("/components/schemas/Problem/required").toString())
                .contains("type", "title", "status", "detail", "code");
        assertThat(document.at("/components/schemas/Problem/properties/errors/items/$ref").asString())
                .isEqualTo("#/components/schemas/ProblemFieldError");
    }

    @Test
    void operationIdsAreUniqueAndTagsNameTheResource() {
        List<String> ids = new ArrayList<>();
        document.at("/paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            ids.add(operation.getValue().at("/operationId").asString());
            assertThat(operation.getValue().at("/tags/0").asString()).isEqualTo("test");
        }));
        assertThat(ids).doesNotHaveDuplicates().contains("getTestThingsById", "postTestThings", "getTestMe");
    }

    @Test
    void onlyTheDocumentedPathsAppear() {
        assertThat(document.at("/paths").propertyNames()).allSatisfy(path -> assertThat(path).startsWith("/test/"));
    }

    private JsonNode operation(String path, String method) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as("%s %s in %s", method, path, document.at("/paths").propertyNames()).isFalse();
        return operation;
    }

    private static List<String> codes(JsonNode operation) {
        return new ArrayList<>(operation.path("responses").propertyNames());
    }
}
