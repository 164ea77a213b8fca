package io.bantam.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Test fixtures: talks to identity over HTTP the way the gateway forwards clients to it. */
final class IdentityClient {

    static final String PASSWORD = "correct horse battery staple";

    final WebTestClient http;

    IdentityClient(int port) {
        this.http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    /** A client address of its own, as the gateway would forward it, so tests never share a per-address limit. */
    static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    WebTestClient.ResponseSpec signup(Map<String, ?> body) {
        return http.post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    Session signUp(String email, String role) {
        return signup(Map.of("email", email, "password", PASSWORD, "name", "Ada Lovelace", "role", role))
                .expectStatus().isCreated()
                .expectBody(Session.class).returnResult().getResponseBody();
    }

    Session signUp() {
        return signUp(newEmail(), "FREELANCER");
    }

    WebTestClient.ResponseSpec login(String email, String password, String clientAddress) {
        return http.post().uri("/api/auth/login")
                .header("X-Forwarded-For", clientAddress)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }

    WebTestClient.ResponseSpec login(String email, String password) {
        return login(email, password, newAddress());
    }

    WebTestClient.ResponseSpec refresh(String refreshToken) {
        return http.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken)).exchange();
    }

    WebTestClient.ResponseSpec logout(String refreshToken) {
        return http.post().uri("/api/auth/logout").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken)).exchange();
    }

    WebTestClient.ResponseSpec me(String accessToken) {
        return http.get().uri("/api/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken).exchange();
    }

    WebTestClient.ResponseSpec patchMe(String accessToken, String json) {
        return http.patch().uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    record User(UUID id, String email, String name, String role, String timeZone, String phone, String preferredName,
            String pronouns, Instant createdAt) {
    }

    record Session(User user, String accessToken, String refreshToken, String tokenType, long expiresIn) {
    }
}
