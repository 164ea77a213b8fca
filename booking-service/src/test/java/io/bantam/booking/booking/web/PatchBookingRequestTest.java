package io.bantam.booking.booking.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.booking.booking.domain.BookingChange;
import io.bantam.service.patch.Patch;
import io.bantam.service.patch.PatchModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The PATCH body's merge-patch reading: absent keeps, null clears the location, values are validated. */
class PatchBookingRequestTest {

    static final JsonMapper JSON = JsonMapper.builder().addModule(new PatchModule()).build();
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static PatchBookingRequest read(String json) {
        return JSON.readValue(json, PatchBookingRequest.class);
    }

    static Set<String> invalidFields(String json) {
        return VALIDATOR.validate(read(json)).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void anEmptyBodyChangesNothing() {
        assertThat(read("{}").toChange()).isEqualTo(BookingChange.none());
    }

    @Test
    void presentMembersAreSetAndAbsentOnesKept() {
        BookingChange change = read("""
                {"start": "2026-12-07T10:00:00+01:00", "durationMinutes": 45}""").toChange();

        assertThat(change.start()).isEqualTo(Patch.set(Instant.parse("2026-12-07T09:00:00Z")));
        assertThat(change.durationMinutes()).isEqualTo(Patch.set(45));
        assertThat(change.title()).isEqualTo(Patch.keep());
        assertThat(change.location()).isEqualTo(Patch.keep());
    }

    @Test
    void anExplicitNullClearsTheLocation() {
        assertThat(read("{\"location\": null}").toChange().location()).isEqualTo(Patch.set(null));
    }

    @Test
    void nullCannotClearTheStartTheDurationOrTheTitle() {
        assertThat(invalidFields("{\"start\": null, \"durationMinutes\": null, \"title\": null}"))
                .containsExactlyInAnyOrder("start", "durationMinutes", "title");
        assertThat(VALIDATOR.validate(read("{\"start\": null}"))).extracting(ConstraintViolation::getMessage)
                .containsExactly("must not be null");
    }

    @Test
    void valuesOutsideTheContractAreInvalid() {
        assertThat(invalidFields("""
                {"durationMinutes": 721, "title": "  ", "location": "%s"}""".formatted("x".repeat(501))))
                .containsExactlyInAnyOrder("durationMinutes", "title", "location");
        assertThat(invalidFields("{\"durationMinutes\": 5, \"title\": \"Call\"}")).isEmpty();
    }
}
