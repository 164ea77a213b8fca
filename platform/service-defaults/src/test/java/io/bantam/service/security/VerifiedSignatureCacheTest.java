package io.bantam.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import io.bantam.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

class VerifiedSignatureCacheTest {

    private final AtomicInteger verifications = new AtomicInteger();
    private VerifiedSignatureCache cache;

    @BeforeEach
    void cacheOverTheTestKey() throws Exception {
        cache = cacheWith(Clock.systemUTC());
    }

    private VerifiedSignatureCache cacheWith(Clock clock) throws Exception {
        NimbusReactiveJwtDecoder signature = NimbusReactiveJwtDecoder.withPublicKey(TestTokens.KEY.toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        signature.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        ReactiveJwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return signature.decode(token);
        };
        return new VerifiedSignatureCache(counting, JwtValidation.validator(TestTokens.ISSUER, TestTokens.AUDIENCE),
                100, Duration.ofMinutes(15), clock);
    }

    @Test
    void aTokenSentAgainIsVerifiedOnceAndDecodesToTheSameClaims() {
        UUID user = UUID.randomUUID();
        String token = TestTokens.freelancer(user);

        Jwt first = cache.decode(token).block();
        Jwt second = cache.decode(token).block();

        assertThat(verifications).hasValue(1);
        assertThat(second.getSubject()).isEqualTo(user.toString()).isEqualTo(first.getSubject());
        assertThat(second.getClaimAsString("role")).isEqualTo("FREELANCER");
    }

    @Test
    void aForgedSignatureIsRefusedEveryTimeAndNeverRemembered() {
        String forged = TestTokens.sign(TestTokens.OTHER_KEY, TestTokens.claims(UUID.randomUUID(), "FREELANCER",
                TestTokens.ISSUER, TestTokens.AUDIENCE, Instant.now().plusSeconds(600)));
        // the same claims under another key's signature: also refused after the genuine token was remembered
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.decode(forged).block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenWithAnAlteredPayloadDoesNotMatchTheRememberedOne() {
        String token = TestTokens.client(UUID.randomUUID());
        cache.decode(token).block();
        String[] parts = token.split("\\.");
        String otherPayload = TestTokens.freelancer(UUID.randomUUID()).split("\\.")[1];
        String spliced = parts[0] + "." + otherPayload + "." + parts[2];

        assertThatThrownBy(() -> cache.decode(spliced).block()).isInstanceOf(BadJwtException.class);
    }

    @Test
    void claimsAreValidatedOnEveryRequestEvenWhenTheSignatureIsKnown() {
        String wrongAudience = TestTokens.sign(TestTokens.KEY, TestTokens.claims(UUID.randomUUID(), "FREELANCER",
                TestTokens.ISSUER, "another-api", Instant.now().plusSeconds(600)));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.decode(wrongAudience).block()).isInstanceOf(JwtValidationException.class)
                    .hasMessageContaining("aud");
        }
        assertThat(cache.size()).isZero();
    }

    @Test
    void anExpiredTokenIsRefusedAndNotKept() {
        Instant now = Instant.now();
        String expired = TestTokens.sign(TestTokens.KEY, new JWTClaimsSet.Builder(TestTokens.claims(UUID.randomUUID(),
                "CLIENT", TestTokens.ISSUER, TestTokens.AUDIENCE, now.minusSeconds(120)))
                .issueTime(Date.from(now.minusSeconds(1000))).build());

        assertThatThrownBy(() -> cache.decode(expired).block()).isInstanceOf(JwtValidationException.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void anEntryLivesNoLongerThanItsToken() throws Exception {
        // seen from a clock already past the token's expiry, the entry's lifetime is zero: it is never served
        Instant expiry = Instant.now().plusSeconds(20);
        VerifiedSignatureCache late = cacheWith(Clock.fixed(expiry.plusSeconds(1), ZoneOffset.UTC));
        String token = TestTokens.sign(TestTokens.KEY, TestTokens.claims(UUID.randomUUID(), "CLIENT",
                TestTokens.ISSUER, TestTokens.AUDIENCE, expiry));

        late.decode(token).block();
        late.decode(token).block();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aChangedKeySetEmptiesTheCacheAndTheSameOneDoesNot() {
        String token = TestTokens.freelancer(UUID.randomUUID());
        cache.keySetFetched("{\"keys\":[1]}".getBytes(StandardCharsets.UTF_8));
        cache.decode(token).block();

        cache.keySetFetched("{\"keys\":[1]}".getBytes(StandardCharsets.UTF_8));
        cache.decode(token).block();
        assertThat(verifications).hasValue(1);

        cache.keySetFetched("{\"keys\":[2]}".getBytes(StandardCharsets.UTF_8));
        assertThat(cache.size()).isZero();
        cache.decode(token).block();
        assertThat(verifications).hasValue(2);
    }
}
