package io.bantam.service.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void anyWellFormedUnicodeIsStorable() {
        assertThat(StorableText.Validator.isStorable("Call Zoë about the café 👩‍👩‍👧 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢")).isTrue();
        assertThat(StorableText.Validator.isStorable("e\u0301 (e + combining acute), \t tabs\nand lines")).isTrue();
        assertThat(StorableText.Validator.isStorable("")).isTrue();
    }

    @Test
    void theNulCharacterIsNot() {
        assertThat(StorableText.Validator.isStorable("before\u0000after")).isFalse();
    }

    @Test
    void anUnpairedSurrogateIsNot() {
        assertThat(StorableText.Validator.isStorable("\uD83D")).isFalse();
        assertThat(StorableText.Validator.isStorable("x\uD83Dy")).isFalse();
        assertThat(StorableText.Validator.isStorable("\uDE00x")).isFalse();
        assertThat(StorableText.Validator.isStorable("\uDE00\uD83D")).isFalse();
        assertThat(StorableText.Validator.isStorable("\uD83D\uDE00")).isTrue();
    }
}
