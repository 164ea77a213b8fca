package io.bantam.notes.note;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Text rules: 1 to 10,000 code points (not UTF-16 units), not blank, storable. */
class NoteRequestsTest {

    private static final jakarta.validation.ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final Validator validator = FACTORY.getValidator();

    private static final String EMOJI = "\uD83D\uDE00"; // one code point, two UTF-16 units

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void tenThousandCharactersAreFineEvenWhenEachTakesTwoUtf16Units() {
        assertThat(violations(EMOJI.repeat(10_000))).isEmpty();
        assertThat(violations("x".repeat(10_000))).isEmpty();
        assertThat(violations("x")).isEmpty();
    }

    @Test
    void oneMoreIsTooLong() {
        assertThat(violations(EMOJI.repeat(10_001))).containsExactly("text");
        assertThat(violations("x".repeat(10_001))).containsExactly("text");
    }

    @Test
    void aCombiningMarkCountsAsACharacterOfItsOwn() {
        String eAcute = "e\u0301"; // two code points shown as one letter
        assertThat(violations(eAcute.repeat(5_000))).isEmpty();
        assertThat(violations(eAcute.repeat(5_000) + "e")).containsExactly("text");
    }

    @Test
    void emptyBlankNullAndUnstorableTextsAreRefused() {
        assertThat(violations("")).contains("text");
        assertThat(violations(" \n\t")).contains("text");
        assertThat(violations(null)).contains("text");
        assertThat(violations("a\u0000b")).containsExactly("text");
        assertThat(violations("a\uD800b")).containsExactly("text");
    }

    @Test
    void aNoteNeedsAClient() {
        assertThat(validator.validate(new CreateNoteRequest(null, "text")))
                .extracting(violation -> violation.getPropertyPath().toString()).containsExactly("clientId");
    }

    private java.util.List<String> violations(String text) {
        Set<ConstraintViolation<CreateNoteRequest>> created = validator.validate(
                new CreateNoteRequest(UUID.randomUUID(), text));
        Set<ConstraintViolation<EditNoteRequest>> edited = validator.validate(new EditNoteRequest(text));
        assertThat(edited.size()).isEqualTo(created.size());
        return created.stream().map(violation -> violation.getPropertyPath().toString()).distinct().toList();
    }
}
