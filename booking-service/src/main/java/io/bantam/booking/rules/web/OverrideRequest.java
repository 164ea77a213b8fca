package io.bantam.booking.rules.web;

import io.bantam.booking.availability.domain.InvalidAvailabilityException;
import io.bantam.booking.rules.domain.DateOverride;
import io.bantam.booking.time.TimeOfDay;
import io.bantam.service.problem.ApiException;
import io.bantam.service.problem.ApiException.FieldError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The body of {@code PUT /api/availability/overrides/{date}}: the date's windows (none: closed that day). */
record OverrideRequest(@NotNull @Size(max = DateOverride.MAX_WINDOWS) List<@NotNull @Valid OverrideWindow> windows) {

    /** The override; 400 naming each window that starts at or after its end or overlaps another. */
    DateOverride toOverride(LocalDate date) {
        List<DateOverride.Window> parsed = windows.stream()
                .map(w -> new DateOverride.Window(TimeOfDay.parse(w.start()), TimeOfDay.parse(w.end())))
                .toList();
        try {
            return DateOverride.of(date, parsed);
        } catch (InvalidAvailabilityException e) {
            throw ApiException.invalid("The windows are not valid.", e.problems().stream()
                    .map(problem -> new FieldError(problem.index() < 0 ? "windows" : "windows[" + problem.index() + "]",
                            problem.message()))
                    .toList());
        }
    }
}
