package io.bantam.booking.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeedTokensTest {

    private final FeedTokens tokens = new FeedTokens("a-server-key-for-the-tests-only");
    private final UUID user = UUID.randomUUID();

    @Test
    void aTokenIs256BitsOfBase64UrlStableForItsNonce() {
        byte[] nonce = FeedTokens.newNonce();

        String token = tokens.token(user, nonce);

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(FeedTokens.wellFormed(token)).isTrue();
        assertThat(tokens.token(user, nonce)).isEqualTo(token);
        assertThat(tokens.matches(token, user, nonce)).isTrue();
    }

    @Test
    void anotherNonceUserOrKeyGivesAnotherToken() {
        byte[] nonce = FeedTokens.newNonce();
        String token = tokens.token(user, nonce);

        assertThat(tokens.token(user, FeedTokens.newNonce())).isNotEqualTo(token);
        assertThat(tokens.token(UUID.randomUUID(), nonce)).isNotEqualTo(token);
        assertThat(new FeedTokens("another-server-key-entirely").token(user, nonce)).isNotEqualTo(token);
        assertThat(tokens.matches(token, UUID.randomUUID(), nonce)).isFalse();
    }

    @Test
    void onlyTheHashIsKeptAndItIsNotTheToken() {
        String token = tokens.token(user, FeedTokens.newNonce());

        assertThat(FeedTokens.hash(token)).hasSize(32).isEqualTo(FeedTokens.hash(token));
        assertThat(new String(FeedTokens.hash(token), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(token);
    }

    @Test
    void malformedTokensAreNotLookedUp() {
        assertThat(FeedTokens.wellFormed(null)).isFalse();
        assertThat(FeedTokens.wellFormed("short")).isFalse();
        assertThat(FeedTokens.wellFormed("A".repeat(42) + "=")).isFalse();
        assertThat(FeedTokens.wellFormed("A".repeat(44))).isFalse();
    }

    @Test
    void aShortServerKeyIsRefused() {
        assertThatThrownBy(() -> new FeedTokens("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
