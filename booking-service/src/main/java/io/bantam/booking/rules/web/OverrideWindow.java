package io.bantam.booking.rules.web;

import io.bantam.booking.time.TimeOfDay;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One window of a date override, in the freelancer's wall-clock time: asked for and answered alike. Its own type
 * (not the weekly {@code Window}): an override's window has no {@code day}, its date is the override's.
 */
public record OverrideWindow(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "09:00")
        @NotNull @Pattern(regexp = TimeOfDay.PATTERN, message = TIME_MESSAGE) String start,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "12:00")
        @NotNull @Pattern(regexp = TimeOfDay.PATTERN, message = TIME_MESSAGE) String end) {

    static final String TIME_MESSAGE = "must be a time of day HH:MM, 00:00 to 24:00";
}
