package io.bantam.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.bantam.identity.key.LocalJwtDecoder;
import io.bantam.identity.key.SigningKeys;
import io.bantam.identity.user.domain.User;
import io.bantam.service.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.test.StepVerifier;

class AccessTokensTest {

    private static final SigningKeys KEYS = SigningKeys.generate();
    private static final Duration TTL = Duration.ofMinutes(15);
    private static final User ADA = User.register(UUID.randomUUID(), "ada@example.com", "Ada", Role.FREELANCER,
            ZoneId.of("UTC"), Instant.parse("2026-12-01T09:00:00Z"));

    private static AccessTokens issuerAt(Instant now, SigningKeys keys) {
        return new AccessTokens(keys, "bantam-identity", "bantam-api", TTL, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void tokenIsAnRs256JwtWithKidAndTheContractsClaims() throws Exception {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");

        AccessToken token = issuerAt(now, KEYS).issue(ADA);

        SignedJWT jwt = SignedJWT.parse(token.value());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(KEYS.current().getKeyID());
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("bantam-identity");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("bantam-api");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(ADA.id().toString());
        assertThat(jwt.getJWTClaimsSet().getStringClaim("role")).isEqualTo("FREELANCER");
        assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(now);
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(now.plus(TTL));
        assertThat(jwt.getJWTClaimsSet().getJWTID()).isNotBlank();
        assertThat(token.validFor()).isEqualTo(TTL);
    }

    @Test
    void freshTokenPassesEveryServicesChecks() {
        AccessToken token = issuerAt(Instant.now(), KEYS).issue(ADA);

        decoder(KEYS, "bantam-api").decode(token.value())
                .as(StepVerifier::create)
                .assertNext(jwt -> {
                    assertThat(jwt.getSubject()).isEqualTo(ADA.id().toString());
                    assertThat(jwt.getClaimAsString("role")).isEqualTo("FREELANCER");
                })
                .verifyComplete();
    }

    @Test
    void expiredTokenIsRefused() {
        AccessToken token = issuerAt(Instant.now().minus(Duration.ofHours(1)), KEYS).issue(ADA);

        refused(decoder(KEYS, "bantam-api"), token);
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        AccessToken token = issuerAt(Instant.now(), KEYS).issue(ADA);

        refused(decoder(KEYS, "another-api"), token);
    }

    @Test
    void tokenSignedWithAKeyNotPublishedIsRefused() {
        AccessToken token = issuerAt(Instant.now(), SigningKeys.generate()).issue(ADA);

        refused(decoder(KEYS, "bantam-api"), token);
    }

    @Test
    void afterRotationTokensOfTheOldKeyStillPassWhileItIsPublished() {
        SigningKeys old = KEYS;
        AccessToken signedWithOld = issuerAt(Instant.now(), old).issue(ADA);
        SigningKeys rotated = SigningKeys.of(java.util.List.of(SigningKeys.generate().current(), old.current()));

        StepVerifier.create(decoder(rotated, "bantam-api").decode(signedWithOld.value()))
                .expectNextCount(1)
                .verifyComplete();
        assertThat(issuerAt(Instant.now(), rotated).issue(ADA).value())
                .satisfies(value -> assertThat(SignedJWT.parse(value).getHeader().getKeyID())
                        .isEqualTo(rotated.current().getKeyID()));
    }

    private static ReactiveJwtDecoder decoder(SigningKeys keys, String audience) {
        return LocalJwtDecoder.create(keys, "bantam-identity", audience);
    }

    private static void refused(ReactiveJwtDecoder decoder, AccessToken token) {
        StepVerifier.create(decoder.decode(token.value()).map(Jwt::getSubject))
                .expectError(JwtException.class)
                .verify();
    }
}
