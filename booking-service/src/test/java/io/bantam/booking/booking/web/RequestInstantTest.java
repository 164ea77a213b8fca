package io.bantam.booking.booking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** Instants in request bodies and queries: ISO-8601 with an offset, years 0001 to 9999, nothing else. */
class RequestInstantTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anyOffsetIsReadAsTheSameInstant() {
        assertThat(RequestInstant.parse("2026-12-01T10:00:00+01:00")).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(read("\"2026-12-01T09:00:00Z\"")).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "12345.5", "true", "[\"2026-12-01T09:00:00Z\"]"})
    void aBodyStartThatIsNoStringIsRefusedNotReadAsSecondsSince1970(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "2026-12-01T09:00:00", "+999999999-12-31T23:59:59Z", "-0001-01-01T00:00:00Z",
            "10000-01-01T00:00:00Z", "2026-02-30T09:00:00Z", "tomorrow"})
    void aStringThatIsNoInstantOfTheYears0001To9999IsRefused(String text) {
        assertThatThrownBy(() -> RequestInstant.parse(text)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> read("\"" + text + "\"")).isInstanceOf(MismatchedInputException.class);
    }

    private static Instant read(String start) {
        String body = "{\"start\": " + start + ", \"durationMinutes\": 30, \"title\": \"x\", \"clientId\": null}";
        return JSON.readValue(body, CreateBookingRequest.class).start();
    }
}
