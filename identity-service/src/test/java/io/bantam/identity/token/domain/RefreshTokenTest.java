package io.bantam.identity.token.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.identity.token.domain.RefreshToken.Verdict;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final RefreshPolicy POLICY = new RefreshPolicy(Duration.ofDays(30));

    private static RefreshToken token(Instant expiresAt, Instant usedAt, boolean familyRevoked) {
        return new RefreshToken(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), expiresAt, usedAt,
                familyRevoked);
    }

    @Test
    void unusedUnexpiredTokenOfALiveFamilyIsUsable() {
        assertThat(token(POLICY.expiryFor(NOW), null, false).judge(NOW)).isEqualTo(Verdict.USABLE);
    }

    @Test
    void tokenPresentedAfterItWasUsedIsReuse() {
        assertThat(token(POLICY.expiryFor(NOW), NOW.minusSeconds(5), false).judge(NOW)).isEqualTo(Verdict.REUSED);
    }

    @Test
    void reuseIsDetectedEvenWhenTheFamilyIsAlreadyRevokedOrTheTokenExpired() {
        assertThat(token(NOW.minusSeconds(1), NOW.minusSeconds(60), true).judge(NOW)).isEqualTo(Verdict.REUSED);
    }

    @Test
    void unusedTokenOfARevokedFamilyIsRevoked() {
        assertThat(token(POLICY.expiryFor(NOW), null, true).judge(NOW)).isEqualTo(Verdict.REVOKED);
    }

    @Test
    void tokenExpiresAtItsExpiryInstant() {
        Instant expiry = POLICY.expiryFor(NOW);

        assertThat(token(expiry, null, false).judge(expiry.minusMillis(1))).isEqualTo(Verdict.USABLE);
        assertThat(token(expiry, null, false).judge(expiry)).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void eachRotationIsGoodForTheWholeTtlFromThen() {
        assertThat(POLICY.expiryFor(NOW)).isEqualTo(Instant.parse("2026-12-31T09:00:00Z"));
    }

    @Test
    void tokenValuesAre256RandomBitsUrlSafe() {
        SecureRandom random = new SecureRandom();
        Set<String> values = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            values.add(RefreshTokenValue.generate(random));
        }

        assertThat(values).hasSize(1000).allSatisfy(value -> assertThat(value).matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void onlyTheSha256OfATokenIsStored() {
        String value = RefreshTokenValue.generate(new SecureRandom());

        assertThat(RefreshTokenValue.hash(value)).hasSize(64).isEqualTo(RefreshTokenValue.hash(value))
                .doesNotContain(value);
        assertThat(RefreshTokenValue.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
