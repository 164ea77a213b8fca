package io.bantam.booking.availability.web;

import io.bantam.booking.availability.domain.WeeklyAvailability;
import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;

/** The contract's {@code Availability}: windows by day, then start. */
record AvailabilityResponse(UUID freelancerId, String timeZone, List<Window> weekly) {

    record Window(DayOfWeek day, String start, String end) {
    }

    static AvailabilityResponse of(UUID freelancerId, WeeklyAvailability availability) {
        return new AvailabilityResponse(freelancerId, availability.zone().getId(), availability.windows().stream()
                .map(window -> new Window(window.day(), window.start().toString(), window.end().toString()))
                .toList());
    }
}
