package io.bantam.identity.user.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.identity.user.domain.ProfileChange;
import io.bantam.service.patch.Patch;
import io.bantam.service.patch.PatchModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The PATCH body's merge-patch reading: absent keeps, null clears, values are validated. */
class PatchMeRequestTest {

    private static final JsonMapper JSON = JsonMapper.builder().addModule(new PatchModule()).build();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static PatchMeRequest read(String json) {
        return JSON.readValue(json, PatchMeRequest.class);
    }

    private static Set<String> invalidFields(String json) {
        return VALIDATOR.validate(read(json)).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void emptyBodyChangesNothing() {
        assertThat(read("{}").toChange()).isEqualTo(ProfileChange.none());
    }

    @Test
    void absentMembersAreKeptAndPresentOnesSet() {
        ProfileChange change = read("""
                {"name": "Ada King", "timeZone": "Europe/Berlin"}""").toChange();

        assertThat(change.name()).isEqualTo(Patch.set("Ada King"));
        assertThat(change.timeZone()).isEqualTo(Patch.set(ZoneId.of("Europe/Berlin")));
        assertThat(change.phone()).isEqualTo(Patch.keep());
        assertThat(change.pronouns()).isEqualTo(Patch.keep());
    }

    @Test
    void explicitNullClearsAnOptionalField() {
        ProfileChange change = read("""
                {"phone": null, "pronouns": null}""").toChange();

        assertThat(change.phone()).isEqualTo(Patch.set(null));
        assertThat(change.pronouns()).isEqualTo(Patch.set(null));
        assertThat(change.preferredName()).isEqualTo(Patch.keep());
    }

    @Test
    void explicitNullForNameOrTimeZoneIsInvalid() {
        assertThat(invalidFields("""
                {"name": null, "timeZone": null}"""))
                .containsExactlyInAnyOrder("name", "timeZone");
    }

    @Test
    void valuesOutOfBoundsAreInvalid() {
        assertThat(invalidFields("""
                {"name": "  ", "timeZone": "Mars/Base", "phone": "call me", "pronouns": "%s"}"""
                .formatted("x".repeat(41))))
                .containsExactlyInAnyOrder("name", "timeZone", "phone", "pronouns");
    }

    @Test
    void textThatPostgresqlCannotStoreIsInvalid() {
        // a NUL was a 500 (PostgreSQL refuses U+0000 in text); an unpaired surrogate came back as '?'
        assertThat(invalidFields("""
                {"name": "Ada\\u0000", "preferredName": "A\\ud800da", "pronouns": "\\u0000"}"""))
                .containsExactlyInAnyOrder("name", "preferredName", "pronouns");
    }

    @Test
    void validValuesPassValidation() {
        assertThat(invalidFields("""
                {"name": "Ada", "timeZone": "Asia/Tokyo", "phone": "+44 20 7946 0000", "preferredName": "A",
                 "pronouns": "she/her"}""")).isEmpty();
        assertThat(invalidFields("""
                {"phone": ""}""")).isEmpty();
    }
}
