package io.bantam.booking.availability.web;

import io.bantam.booking.availability.AvailabilityService;
import io.bantam.booking.booking.domain.BookingDetails;
import io.bantam.booking.rules.RulesService;
import io.bantam.booking.rules.web.RulesResponses;
import io.bantam.service.openapi.Refuses;
import io.bantam.service.paging.Page;
import io.bantam.service.problem.ApiException;
import io.bantam.service.security.CurrentUser;
import io.bantam.service.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A freelancer's weekly availability, what of its rules the caller may read, and the free slots in it (for a
 * client, exactly the times it could book).
 */
@RestController
@RequestMapping("/api/availability")
class AvailabilityController {

    /** The longest range of dates one slot search may cover. */
    static final int MAX_SLOT_DAYS = 62;
    static final int MIN_STEP_MINUTES = 5;
    static final int MAX_STEP_MINUTES = 720;

    private final AvailabilityService availability;
    private final RulesService rules;

    AvailabilityController(AvailabilityService availability, RulesService rules) {
        this.availability = availability;
        this.rules = rules;
    }

    /** Answers {@value RulesResponses#STRANDED_HEADER}: the future bookings the new week no longer allows. */
    @PutMapping
    @Refuses(status = 403, code = "role.forbidden", when = "the caller is not a freelancer")
    Mono<ResponseEntity<AvailabilityResponse>> publish(CurrentUser caller,
            @Valid @RequestBody AvailabilityRequest body) {
        caller.require(Role.FREELANCER);
        return Mono.fromCallable(body::toAvailability)
                .flatMap(weekly -> availability.publish(caller, weekly))
                .flatMap(weekly -> Mono.zip(rules.view(caller, caller.id()), rules.strandedCount(caller.id()))
                        .map(found -> ResponseEntity.ok()
                                .header(RulesResponses.STRANDED_HEADER, String.valueOf(found.getT2()))
                                .body(AvailabilityResponse.of(caller.id(), weekly, found.getT1()))));
    }

    @GetMapping("/{freelancerId}")
    Mono<AvailabilityResponse> get(CurrentUser caller, @PathVariable UUID freelancerId) {
        return availability.get(caller, freelancerId)
                .flatMap(weekly -> rules.view(caller, freelancerId)
                        .map(view -> AvailabilityResponse.of(freelancerId, weekly, view)));
    }

    @GetMapping("/{freelancerId}/slots")
    @Refuses(status = 422, code = "relationship.required", when = "a freelancer asks with a `clientId` that is not "
            + "actively connected")
    Mono<Page<SlotResponse>> slots(CurrentUser caller, @PathVariable UUID freelancerId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam @Min(BookingDetails.MIN_DURATION_MINUTES) @Max(BookingDetails.MAX_DURATION_MINUTES)
            int durationMinutes,
            @RequestParam(defaultValue = "15") @Min(MIN_STEP_MINUTES) @Max(MAX_STEP_MINUTES) int stepMinutes,
            @RequestParam(required = false) UUID clientId) {
        if (clientId != null && caller.is(Role.CLIENT) && !clientId.equals(caller.id())) {
            throw ApiException.invalidField("clientId", "is for freelancers; a client sees its own slots");
        }
        if (to.isBefore(from)) {
            throw ApiException.invalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_SLOT_DAYS) {
            throw ApiException.invalidField("to", "must be at most " + MAX_SLOT_DAYS + " days from from, inclusive");
        }
        return availability.slots(caller, freelancerId, clientId, from, to, Duration.ofMinutes(durationMinutes),
                        Duration.ofMinutes(stepMinutes))
                .map(slots -> Page.last(slots.stream().map(SlotResponse::of).toList()));
    }
}
