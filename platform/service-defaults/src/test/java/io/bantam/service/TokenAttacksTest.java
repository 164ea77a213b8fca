package io.bantam.service;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.bantam.service.testapp.TestApplication;
import io.bantam.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every forged, stale or foreign token is a 401 problem, straight at the service. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude="
                + "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@AutoConfigureWebTestClient
class TokenAttacksTest {

    @Autowired
    WebTestClient web;

    private final UUID user = UUID.randomUUID();

    @Test
    void anExpiredTokenIsRefused() {
        refused(TestTokens.sign(TestTokens.KEY, TestTokens.claims(user, "FREELANCER", TestTokens.ISSUER,
                TestTokens.AUDIENCE, Instant.now().minus(Duration.ofMinutes(5)))));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        refused(TestTokens.sign(TestTokens.KEY, TestTokens.claims(user, "FREELANCER", "someone-else",
                TestTokens.AUDIENCE, Instant.now().plusSeconds(600))));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refused(TestTokens.sign(TestTokens.KEY, TestTokens.claims(user, "FREELANCER", TestTokens.ISSUER,
                "another-api", Instant.now().plusSeconds(600))));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        refused(TestTokens.sign(TestTokens.OTHER_KEY, TestTokens.claims(user, "FREELANCER", TestTokens.ISSUER,
                TestTokens.AUDIENCE, Instant.now().plusSeconds(600))));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        JWTClaimsSet claims = TestTokens.claims(user, "FREELANCER", TestTokens.ISSUER, TestTokens.AUDIENCE,
                Instant.now().plusSeconds(600));
        refused(new PlainJWT(new PlainHeader(), claims).serialize());
    }

    @Test
    void anHmacTokenIsRefused() throws Exception {
        JWTClaimsSet claims = TestTokens.claims(user, "FREELANCER", TestTokens.ISSUER, TestTokens.AUDIENCE,
                Instant.now().plusSeconds(600));
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner("a-shared-secret-that-is-long-enough-for-hs256!!".getBytes()));
        refused(jwt.serialize());
    }

    @Test
    void aTokenWithAnUnknownRoleIsRefused() {
        refused(TestTokens.sign(TestTokens.KEY, TestTokens.claims(user, "ADMIN", TestTokens.ISSUER,
                TestTokens.AUDIENCE, Instant.now().plusSeconds(600))));
    }

    @Test
    void garbageIsRefused() {
        refused("not.a.token");
    }

    private void refused(String token) {
        web.get().uri("/test/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("auth.unauthenticated");
    }
}
