package io.bantam.booking.availability.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bantam.booking.availability.domain.WeeklyAvailability;
import io.bantam.booking.rules.RulesService;
import io.bantam.booking.rules.web.RulesResponses.OverrideResponse;
import io.bantam.booking.rules.web.RulesResponses.Rules;
import io.bantam.booking.rules.web.RulesResponses.TimeOffResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;

/**
 * The contract's {@code Availability}: windows by day, then start; the rules that bind the caller (the
 * freelancer: its defaults), the overrides from today on, and for the freelancer itself only its time off (a
 * client never sees {@code timeOff}: the member is left out).
 */
@Schema(requiredProperties = {"freelancerId", "timeZone", "weekly", "rules", "overrides"})
record AvailabilityResponse(UUID freelancerId, String timeZone, List<Window> weekly, Rules rules,
        List<OverrideResponse> overrides,
        @Schema(description = "the freelancer itself only: a client never sees this member")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<TimeOffResponse> timeOff) {

    record Window(DayOfWeek day, String start, String end) {
    }

    static AvailabilityResponse of(UUID freelancerId, WeeklyAvailability availability, RulesService.View view) {
        return new AvailabilityResponse(freelancerId, availability.zone().getId(), availability.windows().stream()
                .map(window -> new Window(window.day(), window.start().toString(), window.end().toString()))
                .toList(), Rules.of(view.rules()), view.overrides().stream().map(OverrideResponse::of).toList(),
                view.timeOff() == null ? null : view.timeOff().stream().map(TimeOffResponse::of).toList());
    }
}
