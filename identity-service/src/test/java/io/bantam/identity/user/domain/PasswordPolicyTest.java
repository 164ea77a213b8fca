package io.bantam.identity.user.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void passwordOfEightCharactersIsAccepted() {
        assertThat(PasswordPolicy.problem("12345678")).isEmpty();
    }

    @Test
    void passwordUnderEightCharactersIsRefused() {
        assertThat(PasswordPolicy.problem("1234567")).contains("must be at least 8 characters");
    }

    @Test
    void passwordOf128CharactersIsAccepted() {
        assertThat(PasswordPolicy.isAcceptable("x".repeat(128))).isTrue();
    }

    @Test
    void passwordOver128CharactersIsRefused() {
        assertThat(PasswordPolicy.problem("x".repeat(129))).contains("must be at most 128 characters");
    }

    @Test
    void charactersAreCountedAsCodePointsSoEmojiCountOnce() {
        String eightEmoji = "🐓".repeat(8); // 16 UTF-16 units
        assertThat(PasswordPolicy.isAcceptable(eightEmoji)).isTrue();
        assertThat(PasswordPolicy.isAcceptable("🐓".repeat(7))).isFalse();
        assertThat(PasswordPolicy.isAcceptable("🐓".repeat(128))).isTrue();
    }

    @Test
    void spacesAndAnyCharactersAreAllowed() {
        assertThat(PasswordPolicy.isAcceptable("correct horse battery staple")).isTrue();
        assertThat(PasswordPolicy.isAcceptable("        ")).isTrue();
    }

    @Test
    void missingPasswordIsRefused() {
        assertThat(PasswordPolicy.problem(null)).contains("must not be null");
    }
}
