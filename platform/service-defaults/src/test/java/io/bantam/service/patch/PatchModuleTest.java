package io.bantam.service.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** Merge-patch members: absent keeps, null sets null, a value is read as a plain member would be, and validated. */
class PatchModuleTest {

    enum Size3 { S, M, L }

    record Body(
            Patch<String> name,
            Patch<Integer> count,
            Patch<Size3> size,
            Patch<LocalDate> lenientDay,
            @JsonFormat(lenient = OptBoolean.FALSE) Patch<LocalDate> strictDay,
            @JsonDeserialize(contentUsing = Shouting.class) Patch<String> code,
            Patch<List<Integer>> numbers) {
    }

    record Validated(Patch<@NotNull @Size(max = 3) String> name, Patch<@Size(max = 3) String> note) {
    }

    /** A content deserializer: proves the member's own annotation reaches the value. */
    public static final class Shouting extends ValueDeserializer<String> {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return parser.getString().toUpperCase(Locale.ROOT);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().addModule(new PatchModule()).build();
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static Body read(String json) {
        return JSON.readValue(json, Body.class);
    }

    @Test
    void anAbsentMemberKeepsTheField() {
        Body body = read("{}");

        assertThat(List.of(body.name(), body.count(), body.size(), body.lenientDay(), body.strictDay(), body.code(),
                body.numbers())).allSatisfy(patch -> assertThat(patch).isEqualTo(Patch.keep()));
    }

    @Test
    void anExplicitNullSetsNull() {
        Body body = read("{\"name\": null, \"count\": null, \"size\": null, \"code\": null, \"numbers\": null}");

        assertThat(List.of(body.name(), body.count(), body.size(), body.code(), body.numbers()))
                .allSatisfy(patch -> assertThat(patch).isEqualTo(Patch.set(null)));
        assertThat(body.strictDay()).isEqualTo(Patch.keep());
    }

    @Test
    void aValueIsReadAsAPlainMemberWouldBe() {
        Body body = read("""
                {"name": "Ada", "count": 3, "size": "M", "strictDay": "2027-01-10", "numbers": [1, 2]}""");

        assertThat(body.name()).isEqualTo(Patch.set("Ada"));
        assertThat(body.count()).isEqualTo(Patch.set(3));
        assertThat(body.size()).isEqualTo(Patch.set(Size3.M));
        assertThat(body.strictDay()).isEqualTo(Patch.set(LocalDate.of(2027, 1, 10)));
        assertThat(body.numbers()).isEqualTo(Patch.set(List.of(1, 2)));
        assertThat(read("{\"name\": \"\"}").name()).isEqualTo(Patch.set(""));
    }

    @Test
    void theMembersAnnotationsApplyToTheValue() {
        assertThat(read("{\"code\": \"abc\"}").code()).isEqualTo(Patch.set("ABC"));
        // @JsonFormat(lenient = FALSE): a date-time is not a date (without it, Jackson takes the date part)
        assertThat(read("{\"lenientDay\": \"2027-01-10T23:30:00\"}").lenientDay())
                .isEqualTo(Patch.set(LocalDate.of(2027, 1, 10)));
        assertThatThrownBy(() -> read("{\"strictDay\": \"2027-01-10T23:30:00\"}"))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void aValueOfTheWrongTypeFailsNamingTheMember() {
        assertThatThrownBy(() -> read("{\"count\": \"many\"}"))
                .isInstanceOfSatisfying(MismatchedInputException.class, e -> assertThat(path(e)).isEqualTo("count"));
        assertThatThrownBy(() -> read("{\"size\": \"XL\"}"))
                .isInstanceOfSatisfying(InvalidFormatException.class, e -> {
                    assertThat(path(e)).isEqualTo("size");
                    assertThat(e.getTargetType()).isEqualTo(Size3.class);
                });
        assertThatThrownBy(() -> read("{\"numbers\": [1, \"two\"]}")).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aKeptFieldIsNotValidatedAndASetValueIs() {
        assertThat(violations(new Validated(Patch.keep(), Patch.keep()))).isEmpty();
        assertThat(violations(new Validated(Patch.set("abc"), Patch.set(null)))).isEmpty();
        assertThat(violations(new Validated(Patch.set(null), Patch.set("long note"))))
                .containsExactlyInAnyOrder("name: must not be null", "note: size must be between 0 and 3");
        assertThat(violations(new Validated(Patch.set("long name"), Patch.keep())))
                .containsExactly("name: size must be between 0 and 3");
    }

    @Test
    void aViolationNamesTheMemberAsSpringReportsIt() {
        Validated body = JSON.readValue("{\"name\": null, \"note\": \"long note\"}", Validated.class);
        DirectFieldBindingResult errors = new DirectFieldBindingResult(body, "body");

        new SpringValidatorAdapter(VALIDATOR).validate(body, errors);

        assertThat(errors.getFieldErrors()).extracting(FieldError::getField).containsExactlyInAnyOrder("name", "note");
    }

    private static Set<String> violations(Object body) {
        return VALIDATOR.validate(body).stream()
                .map(violation -> violation.getPropertyPath() + ": " + violation.getMessage())
                .collect(Collectors.toSet());
    }

    private static String path(JacksonException e) {
        return e.getPath().stream().map(JacksonException.Reference::getPropertyName).collect(Collectors.joining("."));
    }
}
