package io.bantam.service.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * For a service's tests: its {@code /v3/api-docs} describes exactly its public API, as others rely on it (the
 * gateway's merged document and Swagger UI, the tenancy test matrix generated from every operation with a path
 * parameter). Shipped in service-defaults' test jar.
 *
 * <pre>{@code
 * ApiDocuments.of(web).describesExactly(Set.of("GET /api/tasks", "GET /api/tasks/{id}", ...), Set.of());
 * }</pre>
 */
public final class ApiDocuments {

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final JsonNode document;

    private ApiDocuments(JsonNode document) {
        this.document = document;
    }

    /** Fetches the service's document, as anyone can: without a token. */
    public static ApiDocuments of(WebTestClient web) {
        String json = web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return new ApiDocuments(JsonMapper.builder().build().readTree(json));
    }

    public JsonNode document() {
        return document;
    }

    /**
     * The document lists exactly these operations ({@code "GET /api/tasks/{id}"}); those in {@code open} need no
     * token, all others the bearer token. Every path parameter is a named, required UUID (or date); every write takes a
     * JSON body (an action without any body, such as a reset, has none); every error is a problem; operation ids
     * are unique.
     */
    public ApiDocuments describesExactly(Set<String> operations, Set<String> open) {
        assertThat(document.at("/info/title").asString()).startsWith("Bantam ");
        assertThat(document.at("/info/description").asString()).as("bantam.api.description").isNotBlank();
        assertThat(operations()).as("the operations of %s", document.at("/info/title").asString())
                .containsExactlyInAnyOrderElementsOf(operations);
        List<String> ids = new ArrayList<>();
        document.at("/paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String operation = entry.getKey().toUpperCase() + " " + path.getKey();
            JsonNode spec = entry.getValue();
            ids.add(spec.at("/operationId").asString());
            assertPathParameters(operation, path.getKey(), spec);
            if (open.contains(operation)) {
                assertThat(spec.path("security").isMissingNode()).as("%s needs no token", operation).isTrue();
            } else {
                assertThat(spec.at("/security/0").has("bearerAuth")).as("%s needs the bearer token", operation).isTrue();
                assertThat(spec.at("/responses").has("401")).as("%s can answer 401", operation).isTrue();
            }
            // a write takes a JSON body, unless it is an action that takes none at all (POST .../reset)
            if (Set.of("POST", "PUT", "PATCH").contains(entry.getKey().toUpperCase()) && spec.has("requestBody")) {
                assertThat(spec.at("/requestBody/content/application~1json/schema").isMissingNode())
                        .as("%s takes a JSON body", operation).isFalse();
            }
            spec.at("/responses").properties().forEach(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asString())
                            .as("%s answers %s as a problem", operation, response.getKey())
                            .isEqualTo("#/components/schemas/Problem");
                }
            });
        }));
        assertThat(ids).as("operation ids").doesNotHaveDuplicates().doesNotContainNull();
        return this;
    }

    /** The operations of the document, as {@code "METHOD /path"}. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.at("/paths").properties().forEach(path -> path.getValue().propertyNames()
                .forEach(method -> operations.add(method.toUpperCase() + " " + path.getKey())));
        return operations;
    }

    /** The codes an operation is documented to answer. */
    public Set<String> responses(String operation) {
        return new TreeSet<>(operation(operation).path("responses").propertyNames());
    }

    /** What the document says an operation answers with a status. */
    public String describes(String operation, int status) {
        return operation(operation).at("/responses/" + status + "/description").asString();
    }

    private JsonNode operation(String operation) {
        String[] methodAndPath = operation.split(" ", 2);
        JsonNode spec = document.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase());
        assertThat(spec.isMissingNode()).as("%s is documented", operation).isFalse();
        return spec;
    }

    private static void assertPathParameters(String operation, String path, JsonNode spec) {
        Set<String> variables = new TreeSet<>();
        Matcher matcher = TEMPLATE_VARIABLE.matcher(path);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        Set<String> declared = new TreeSet<>();
        spec.path("parameters").forEach(parameter -> {
            if ("path".equals(parameter.at("/in").asString())) {
                declared.add(parameter.at("/name").asString());
                assertThat(parameter.at("/required").asBoolean()).as("%s: %s is required", operation, parameter).isTrue();
                assertThat(parameter.at("/schema/type").asString() + "/" + parameter.at("/schema/format").asString())
                        .as("%s: %s is a UUID (or a date: booking-service's overrides/{date})", operation, parameter)
                        .isIn("string/uuid", "string/date");
            }
        });
        assertThat(declared).as("%s: its path parameters", operation).isEqualTo(variables);
        if (!variables.isEmpty()) {
            assertThat(spec.at("/responses").has("404")).as("%s can answer 404", operation).isTrue();
        }
    }
}
