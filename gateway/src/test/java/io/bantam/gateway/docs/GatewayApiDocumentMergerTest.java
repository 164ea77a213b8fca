package io.bantam.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.gateway.docs.ApiDocumentMerger.ServiceDocument;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How the services' documents become one: disjoint paths, shared equal components, clashing ones kept apart. */
class GatewayApiDocumentMergerTest {

    static final JsonMapper json = JsonMapper.builder().build();

    static final String IDENTITY = """
            {"openapi": "3.1.0", "info": {"title": "Bantam identity-service", "version": "1"},
             "tags": [{"name": "users"}],
             "paths": {"/api/users/me": {"get": {"tags": ["users"], "responses": {
                 "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}},
                 "401": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {
                 "schemas": {"Problem": {"type": "object"},
                             "User": {"type": "object", "properties": {"email": {"type": "string"}}}},
                 "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}}}
            """;

    /** Its own, different User; a Page of it (equal in text to identity's, were there one); the same Problem. */
    static final String RELATIONSHIP = """
            {"openapi": "3.1.0", "info": {"title": "Bantam relationship-service", "version": "1"},
             "tags": [{"name": "relationships"}, {"name": "users"}],
             "paths": {"/api/relationships": {"get": {"tags": ["relationships"], "responses": {
                 "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/PageUser"}}}},
                 "404": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {
                 "schemas": {"Problem": {"type": "object"},
                             "User": {"type": "object", "properties": {"name": {"type": "string"}}},
                             "PageUser": {"type": "object", "properties": {"items": {"type": "array",
                                 "items": {"$ref": "#/components/schemas/User"}}},
                                 "discriminator": {"propertyName": "kind",
                                     "mapping": {"user": "#/components/schemas/User"}}}},
                 "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}}}
            """;

    /** identity's PageUser, to show that a component equal in text but referring to a renamed one is renamed too. */
    static final String IDENTITY_WITH_PAGE = IDENTITY.replace("\"Problem\": {\"type\": \"object\"},", """
            "Problem": {"type": "object"},
            "PageUser": {"type": "object", "properties": {"items": {"type": "array",
                "items": {"$ref": "#/components/schemas/User"}}},
                "discriminator": {"propertyName": "kind", "mapping": {"user": "#/components/schemas/User"}}},
            """);

    @Test
    void pathsOfAllServicesAreMergedAndEqualComponentsKeptOnce() {
        JsonNode merged = ApiDocumentMerger.merge(List.of(document("identity", IDENTITY),
                document("relationship", RELATIONSHIP)), "1.2.3");

        assertThat(merged.at("/paths").propertyNames()).containsExactly("/api/users/me", "/api/relationships");
        assertThat(merged.at("/info/title").asString()).isEqualTo("Bantam API");
        assertThat(merged.at("/info/version").asString()).isEqualTo("1.2.3");
        assertThat(merged.at("/openapi").asString()).isEqualTo("3.1.0");
        assertThat(merged.at("/components/securitySchemes").propertyNames()).containsExactly("bearerAuth");
        assertThat(merged.at("/components/schemas").propertyNames())
                .containsExactlyInAnyOrder("Problem", "User", "relationship.User", "PageUser");
        assertThat(merged.at("/tags").findValuesAsString("name")).containsExactly("users", "relationships");
        assertThat(merged.at("/x-bantam-services/identity").asString()).isEqualTo("included");
        assertThat(merged.at("/info/description").asString()).doesNotContain("Left out");
    }

    @Test
    void aClashingComponentIsRenamedForTheLaterServiceAndEveryReferenceFollows() {
        JsonNode merged = ApiDocumentMerger.merge(List.of(document("identity", IDENTITY),
                document("relationship", RELATIONSHIP)), "1");

        assertThat(merged.at("/components/schemas/User/properties").propertyNames()).containsExactly("email");
        assertThat(merged.at("/components/schemas/relationship.User/properties").propertyNames()).containsExactly("name");
        assertThat(merged.at("/components/schemas/PageUser/properties/items/items/$ref").asString())
                .isEqualTo("#/components/schemas/relationship.User");
        assertThat(merged.at("/components/schemas/PageUser/discriminator/mapping/user").asString())
                .isEqualTo("#/components/schemas/relationship.User");
        assertThat(merged.at("/paths/~1api~1users~1me/get/responses/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/User");
        assertThat(merged.at("/paths/~1api~1relationships/get/responses/404/content/application~1problem+json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void aComponentEqualInTextButReferringToARenamedOneIsRenamedToo() {
        JsonNode merged = ApiDocumentMerger.merge(List.of(document("identity", IDENTITY_WITH_PAGE),
                document("relationship", RELATIONSHIP)), "1");

        assertThat(merged.at("/components/schemas").propertyNames()).containsExactlyInAnyOrder("Problem", "User",
                "PageUser", "relationship.User", "relationship.PageUser");
        assertThat(merged.at("/components/schemas/PageUser/properties/items/items/$ref").asString())
                .isEqualTo("#/components/schemas/User");
        assertThat(merged.at("/components/schemas/relationship.PageUser/properties/items/items/$ref").asString())
                .isEqualTo("#/components/schemas/relationship.User");
        assertThat(merged.at("/paths/~1api~1relationships/get/responses/200/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/relationship.PageUser");
    }

    @Test
    void aServiceWithoutADocumentIsLeftOutAndSaidToBe() {
        JsonNode merged = ApiDocumentMerger.merge(List.of(document("identity", IDENTITY),
                ServiceDocument.unavailable("booking"), document("relationship", RELATIONSHIP)), "1");

        assertThat(merged.at("/paths").propertyNames()).containsExactly("/api/users/me", "/api/relationships");
        assertThat(merged.at("/x-bantam-services/booking").asString()).isEqualTo("unavailable");
        assertThat(merged.at("/x-bantam-services").propertyNames()).containsExactly("identity", "booking", "relationship");
        assertThat(merged.at("/info/description").asString()).contains("Left out: booking");
    }

    @Test
    void withNoDocumentAtAllTheresStillAValidEmptyDocument() {
        JsonNode merged = ApiDocumentMerger.merge(List.of(ServiceDocument.unavailable("identity")), "1");

        assertThat(merged.at("/openapi").asString()).isEqualTo("3.1.0");
        assertThat(merged.at("/paths").isObject()).isTrue();
        assertThat(merged.at("/paths").isEmpty()).isTrue();
    }

    private static ServiceDocument document(String service, String text) {
        return new ServiceDocument(service, json.readTree(text));
    }
}
