package io.bantam.task.preparation.web;

import io.bantam.service.openapi.Refuses;
import io.bantam.service.security.CurrentUser;
import io.bantam.service.security.Role;
import io.bantam.task.preparation.PreparationService;
import io.bantam.task.preparation.domain.PreparationSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/tasks/settings}: whether the calling freelancer gets a preparation task for each new booking, and how
 * many days before it. Freelancers only; a freelancer that never chose has the defaults (off, 1).
 */
@RestController
@RequestMapping("/api/tasks/settings")
@Refuses(status = 403, code = "role.forbidden", when = "the caller is not a freelancer (settings are a freelancer's own)")
class PreparationSettingsController {

    private final PreparationService preparation;

    PreparationSettingsController(PreparationService preparation) {
        this.preparation = preparation;
    }

    /** The body of {@code PUT /api/tasks/settings}: both fields, always (a PUT replaces the settings). */
    record SettingsRequest(
            @NotNull Boolean prepareForBookings,
            @NotNull @Min(0) @Max(PreparationSettings.MAX_DAYS_BEFORE) Integer prepareDaysBefore) {
    }

    /** The settings as the API shows them. */
    record SettingsResponse(boolean prepareForBookings, int prepareDaysBefore) {

        static SettingsResponse of(PreparationSettings settings) {
            return new SettingsResponse(settings.prepareForBookings(), settings.prepareDaysBefore());
        }
    }

    @GetMapping
    Mono<SettingsResponse> get(CurrentUser caller) {
        return preparation.settings(freelancer(caller)).map(SettingsResponse::of);
    }

    @PutMapping
    Mono<SettingsResponse> put(CurrentUser caller, @Valid @RequestBody Mono<SettingsRequest> body) {
        UUID freelancer = freelancer(caller);
        return body.flatMap(request -> preparation.saveSettings(freelancer,
                        new PreparationSettings(request.prepareForBookings(), request.prepareDaysBefore())))
                .map(SettingsResponse::of);
    }

    private static UUID freelancer(CurrentUser caller) {
        return caller.require(Role.FREELANCER).id();
    }
}
