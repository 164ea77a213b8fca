package io.bantam.gateway;

import io.bantam.testing.WithPostgres;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.gateway.ScriptedUpstream.Answer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API documents at the gateway, from five services standing in for the real ones, each serving a small
 * document of its own: each proxied at /v3/api-docs/{service}, all merged at /v3/api-docs (a service that is
 * down, failing or slow is left out, the rest served), and Swagger UI listing them all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bantam.gateway.docs.timeout=1s",
        "bantam.gateway.docs.cache-for=2s",
        "bantam.gateway.docs.cache-incomplete-for=200ms"})
@WithPostgres  // the rate limits' database
class GatewayDocsTest {

    static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
            + "form-action 'self'";

    static final TestTokens tokens = new TestTokens();
    static final Map<String, ScriptedUpstream> services = new LinkedHashMap<>();
    static final Map<String, String> paths = Map.of("identity", "/api/users/me", "relationship",
            "/api/relationships/{id}", "booking", "/api/bookings/{id}", "task", "/api/tasks/{id}", "notes",
            "/api/notes/{id}");

    static {
        services.put("identity", ScriptedUpstream.identity(tokens));
        for (String service : List.of("relationship", "booking", "task", "notes")) {
            services.put(service, ScriptedUpstream.start());
        }
    }

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        services.forEach((service, upstream) -> registry.add(service.toUpperCase() + "_URL", upstream::url));
    }

    @AfterAll
    static void stopUpstreams() {
        services.values().forEach(ScriptedUpstream::close);
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void everyServiceServesItsDocument() {
        services.forEach((service, upstream) -> {
            upstream.reset();
            upstream.script("/v3/api-docs", Answer.ok(document(service, paths.get(service))));
        });
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void theMergedDocumentHasThePathsOfAllFiveServicesAndNothingOfTheGateway() {
        JsonNode merged = awaitMerged(document -> assertThat(unavailable(document)).isEmpty());

        assertThat(merged.at("/info/title").asString()).isEqualTo("Bantam API");
        assertThat(merged.at("/servers/0/url").asString()).isEqualTo("/");
        assertThat(merged.at("/paths").propertyNames()).containsExactlyInAnyOrderElementsOf(paths.values());
        assertThat(merged.at("/paths/~1api~1tasks~1{id}/get/responses/404/content/application~1problem+json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(merged.at("/components/schemas").propertyNames()).contains("Problem")
                .filteredOn(name -> name.endsWith("Problem")).hasSize(1);  // equal in all five: one
        assertThat(merged.at("/components/securitySchemes/bearerAuth/scheme").asString()).isEqualTo("bearer");
        assertThat(merged.at("/tags").findValuesAsString("name"))
                .containsExactlyInAnyOrder("users", "relationships", "bookings", "tasks", "notes");
        assertThat(merged.toString()).doesNotContain("/gateway/unavailable").doesNotContain("/actuator");
    }

    @Test
    void componentsWithOneNameButDifferentContentAreKeptApart() {
        services.get("task").script("/v3/api-docs", Answer.ok(document("task", "/api/tasks/{id}")
                .replace("\"Page\":{\"type\":\"object\"}", "\"Page\":{\"type\":\"array\"}")));

        JsonNode merged = awaitMerged(document -> assertThat(document.at("/components/schemas").propertyNames())
                .contains("task.Page"));

        assertThat(merged.at("/components/schemas/Page/type").asString()).isEqualTo("object");
        assertThat(merged.at("/components/schemas/task.Page/type").asString()).isEqualTo("array");
        assertThat(merged.at("/paths/~1api~1tasks~1{id}/get/responses/200/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/task.Page");
        assertThat(merged.at("/paths/~1api~1notes~1{id}/get/responses/200/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/Page");
    }

    @Test
    void aServiceThatIsDownFailingOrSlowIsLeftOutAndTheRestIsServed() {
        services.get("booking").script("/v3/api-docs", Answer.problem(503, "service.unavailable"));
        services.get("relationship").script("/v3/api-docs", Answer.dropConnection());
        services.get("notes").script("/v3/api-docs", Answer.ok(document("notes", "/api/notes/{id}"))
                .after(Duration.ofSeconds(3)));

        JsonNode merged = awaitMerged(document -> assertThat(unavailable(document))
                .containsExactlyInAnyOrder("booking", "relationship", "notes"));

        assertThat(merged.at("/paths").propertyNames()).containsExactlyInAnyOrder("/api/users/me", "/api/tasks/{id}");
        assertThat(merged.at("/info/description").asString()).contains("Left out: relationship, booking, notes");
        assertThat(merged.at("/x-bantam-services/identity").asString()).isEqualTo("included");

        long started = System.nanoTime();
        client.get().uri("/v3/api-docs?fresh").exchange().expectStatus().isOk();
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("never longer than the timeout, and once")
                .isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void aMergedDocumentIsKeptAWhileRatherThanFetchedForEveryCaller() {
        awaitMerged(document -> assertThat(unavailable(document)).isEmpty());
        services.values().forEach(ScriptedUpstream::reset);
        services.forEach((service, upstream) -> upstream.script("/v3/api-docs",
                Answer.ok(document(service, paths.get(service)))));

        for (int i = 0; i < 5; i++) {
            client.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
        }

        services.forEach((service, upstream) -> assertThat(upstream.calls("/v3/api-docs")).as(service)
                .isLessThanOrEqualTo(1));
    }

    @Test
    void eachServicesOwnDocumentIsProxiedWithoutAToken() {
        EntityExchangeResult<byte[]> result = client.get().uri("/v3/api-docs/task").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().json(document("task", "/api/tasks/{id}"), true)
                .returnResult();

        assertThat(services.get("task").calls("GET /v3/api-docs")).isEqualTo(1);
        GatewayEdgeTest.assertSecurityHeaders(result.getResponseHeaders(), GatewayEdgeTest.API_POLICY);
        for (String service : services.keySet()) {
            client.get().uri("/v3/api-docs/" + service).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.info.title").isEqualTo("Bantam " + service);
        }
    }

    @Test
    void aServiceDocumentOfADownServiceIsA503Problem() {
        services.get("booking").script("/v3/api-docs", Answer.dropConnection());

        client.get().uri("/v3/api-docs/booking").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("service.unavailable");
    }

    @Test
    void theGatewayOffersNoYamlDocumentOfItsOwn() {
        client.get().uri("/v3/api-docs.yaml").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void swaggerUiIsServedAndListsTheMergedDocumentAndEveryService() {
        EntityExchangeResult<byte[]> redirect = client.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection().expectBody().returnResult();
        URI page = redirect.getResponseHeaders().getLocation();
        assertThat(page).isNotNull();

        EntityExchangeResult<String> html = client.get().uri(page.getPath()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult();
        assertThat(html.getResponseBody()).contains("swagger-ui-bundle.js", "swagger-initializer.js");
        GatewayEdgeTest.assertSecurityHeaders(html.getResponseHeaders(), DOCS_POLICY);

        String initializer = client.get().uri(page.getPath().replace("index.html", "swagger-initializer.js"))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(initializer).contains("/v3/api-docs/swagger-config").doesNotContain("petstore");
        client.get().uri(page.getPath().replace("index.html", "swagger-ui-bundle.js")).exchange()
                .expectStatus().isOk();

        JsonNode config = JsonMapper.builder().build().readTree(client.get().uri("/v3/api-docs/swagger-config")
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        List<String> names = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        config.path("urls").forEach(url -> {
            names.add(url.path("name").asString());
            urls.add(url.path("url").asString());
        });
        assertThat(names).containsExactlyInAnyOrder("all services", "identity", "relationship", "booking", "task",
                "notes");
        assertThat(urls).containsExactlyInAnyOrder("/v3/api-docs", "/v3/api-docs/identity", "/v3/api-docs/relationship",
                "/v3/api-docs/booking", "/v3/api-docs/task", "/v3/api-docs/notes");
        assertThat(config.path("urls.primaryName").asString()).isEqualTo("all services");
        for (String url : urls) {
            client.get().uri(url).exchange().expectStatus().isOk();
        }
    }

    private JsonNode awaitMerged(java.util.function.Consumer<JsonNode> condition) {
        JsonNode[] merged = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            String json = client.get().uri("/v3/api-docs").exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                    .expectBody(String.class).returnResult().getResponseBody();
            merged[0] = JsonMapper.builder().build().readTree(json);
            condition.accept(merged[0]);
        });
        return merged[0];
    }

    private static List<String> unavailable(JsonNode merged) {
        List<String> unavailable = new ArrayList<>();
        merged.path("x-bantam-services").properties().forEach(service -> {
            if (!service.getValue().asString().equals("included")) {
                unavailable.add(service.getKey());
            }
        });
        assertThat(merged.path("x-bantam-services").size()).isEqualTo(5);
        return unavailable;
    }

    /** A small document such as a service serves: one path, the shared Problem and bearer scheme, a Page. */
    static String document(String service, String path) {
        String tag = path.split("/")[2];
        String parameters = path.contains("{id}")
                ? "\"parameters\":[{\"name\":\"id\",\"in\":\"path\",\"required\":true,"
                        + "\"schema\":{\"type\":\"string\",\"format\":\"uuid\"}}],"
                : "";
        return """
                {"openapi":"3.1.0","info":{"title":"Bantam %s","version":"1"},
                 "paths":{"%s":{"get":{"operationId":"get%s","tags":["%s"],%s
                   "security":[{"bearerAuth":[]}],
                   "responses":{"200":{"description":"OK",
                       "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}},
                     "404":{"description":"Not found",
                       "content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
                 "components":{"schemas":{"Problem":{"type":"object","required":["code"]},"Page":{"type":"object"}},
                   "securitySchemes":{"bearerAuth":{"type":"http","scheme":"bearer","bearerFormat":"JWT"}}},
                 "tags":[{"name":"%s"}]}
                """.formatted(service, path, service, tag, parameters, tag).replace("\n", "");
    }
}
