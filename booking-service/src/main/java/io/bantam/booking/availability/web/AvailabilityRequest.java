package io.bantam.booking.availability.web;

import io.bantam.booking.availability.domain.InvalidAvailabilityException;
import io.bantam.booking.availability.domain.WeeklyAvailability;
import io.bantam.booking.availability.domain.WeeklyWindow;
import io.bantam.booking.time.TimeOfDay;
import io.bantam.service.problem.ApiException.FieldError;
import io.bantam.service.problem.ApiException;
import io.bantam.service.validation.IanaTimeZone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;

/** The body of {@code PUT /api/availability}: the whole weekly availability, replacing what was there. */
record AvailabilityRequest(
        @NotNull @IanaTimeZone String timeZone,
        @NotNull @Size(max = WeeklyAvailability.MAX_WINDOWS) List<@NotNull @Valid Window> weekly) {

    static final String TIME_MESSAGE = "must be a time of day HH:MM, 00:00 to 24:00";

    record Window(
            @NotNull DayOfWeek day,
            @NotNull @Pattern(regexp = TimeOfDay.PATTERN, message = TIME_MESSAGE) String start,
            @NotNull @Pattern(regexp = TimeOfDay.PATTERN, message = TIME_MESSAGE) String end) {
    }

    /**
     * The availability asked for; 400 naming each window that starts at or after its end or overlaps another
     * window of its day.
     */
    WeeklyAvailability toAvailability() {
        List<WeeklyWindow> windows = weekly.stream()
                .map(window -> WeeklyWindow.of(window.day(), window.start(), window.end()))
                .toList();
        try {
            return WeeklyAvailability.of(ZoneId.of(timeZone), windows);
        } catch (InvalidAvailabilityException e) {
            throw ApiException.invalid("The weekly windows are not valid.", e.problems().stream()
                    .map(problem -> new FieldError(problem.index() < 0 ? "weekly" : "weekly[" + problem.index() + "]",
                            problem.message()))
                    .toList());
        }
    }
}
