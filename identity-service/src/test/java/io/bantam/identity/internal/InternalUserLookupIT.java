package io.bantam.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /internal/users}: what relationship-service asks when its projection does not know a user yet. Only a
 * caller with a configured service credential gets an answer; a user's access token opens nothing here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bantam.internal.service-tokens=" + InternalUserLookupIT.OLD + "," + InternalUserLookupIT.NEW)
@WithPostgres
@WithKafka
class InternalUserLookupIT {

    static final String OLD = "old-internal-credential-0001";
    static final String NEW = "new-internal-credential-0002";

    @LocalServerPort
    int port;

    private WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void aServiceLooksAUserUpByEmailWhateverItsCase() {
        String email = newEmail();
        Map<String, Object> session = signUp(email, "CLIENT");
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) session.get("user");

        Map<String, Object> found = http.get().uri(uri -> uri.path("/internal/users")
                        .queryParam("email", " " + email.toUpperCase()).build())
                .header(ServiceCredentialFilter.HEADER, NEW)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();

        assertThat(found).containsOnlyKeys("id", "email", "name", "role", "timeZone", "phone", "preferredName",
                        "pronouns", "updatedAt")
                .containsEntry("id", user.get("id"))
                .containsEntry("email", email)
                .containsEntry("name", "Ada Lovelace")
                .containsEntry("role", "CLIENT")
                .containsEntry("timeZone", "UTC")
                .containsEntry("phone", null);
        // the occurredAt of the UserRegistered event: the user has not changed since
        assertThat(Instant.parse((String) found.get("updatedAt"))).isEqualTo(Instant.parse((String) user.get("createdAt")));
    }

    @Test
    void aServiceLooksAUserUpByIdAndSeesItsLatestChange() {
        Map<String, Object> session = signUp(newEmail(), "FREELANCER");
        @SuppressWarnings("unchecked")
        String id = (String) ((Map<String, Object>) session.get("user")).get("id");
        http.patch().uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + session.get("accessToken"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("pronouns", "she/her"))
                .exchange().expectStatus().isOk().expectBody(Void.class);

        http.get().uri("/internal/users/{id}", id)
                .header(ServiceCredentialFilter.HEADER, OLD)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.role").isEqualTo("FREELANCER")
                .jsonPath("$.pronouns").isEqualTo("she/her");
    }

    @Test
    void anUnknownUserIsNotFound() {
        http.get().uri(uri -> uri.path("/internal/users").queryParam("email", newEmail()).build())
                .header(ServiceCredentialFilter.HEADER, NEW)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("user.not-found");
        http.get().uri("/internal/users/{id}", UUID.randomUUID())
                .header(ServiceCredentialFilter.HEADER, NEW)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("user.not-found");
    }

    @Test
    void withoutTheServiceCredentialNothingIsAnswered() {
        String email = newEmail();
        Map<String, Object> session = signUp(email, "CLIENT");

        refused(http.get().uri(uri -> uri.path("/internal/users").queryParam("email", email).build())
                .exchange());
        refused(http.get().uri(uri -> uri.path("/internal/users").queryParam("email", email).build())
                .header(ServiceCredentialFilter.HEADER, "not-the-internal-credential")
                .exchange());
        // a user's own access token is no service credential
        refused(http.get().uri(uri -> uri.path("/internal/users").queryParam("email", email).build())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + session.get("accessToken"))
                .exchange());
        refused(http.get().uri("/internal/anything-else").exchange());
    }

    private static void refused(WebTestClient.ResponseSpec response) {
        response.expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("auth.unauthenticated")
                .jsonPath("$.email").doesNotExist();
    }

    private Map<String, Object> signUp(String email, String role) {
        return http.post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "correct horse battery staple", "name", "Ada Lovelace",
                        "role", role))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    private static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }
}
