package io.bantam.booking.rules.web;

import io.bantam.booking.booking.domain.BookingPosition;
import io.bantam.booking.rules.RulesService;
import io.bantam.booking.rules.RulesService.StrandedBooking;
import io.bantam.booking.rules.web.RulesResponses.ClientRulesResponse;
import io.bantam.booking.rules.web.RulesResponses.OverrideResponse;
import io.bantam.booking.rules.web.RulesResponses.Rules;
import io.bantam.booking.rules.web.RulesResponses.StrandedResponse;
import io.bantam.booking.rules.web.RulesResponses.TimeOffResponse;
import io.bantam.service.openapi.Refuses;
import io.bantam.service.paging.Cursors;
import io.bantam.service.paging.Page;
import io.bantam.service.security.CurrentUser;
import io.bantam.service.security.Role;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The freelancer's booking rules, per-client rules, date overrides and time off, and the bookings they strand.
 * Every change to availability answers {@value #STRANDED_HEADER}: how many future bookings it no longer allows.
 */
@RestController
@RequestMapping("/api/availability")
@Refuses(status = 403, code = "role.forbidden", when = "the caller is not a freelancer")
class RulesController {

    static final String STRANDED_HEADER = RulesResponses.STRANDED_HEADER;

    private final RulesService rules;

    RulesController(RulesService rules) {
        this.rules = rules;
    }

    @PutMapping("/rules")
    Mono<Rules> putRules(CurrentUser caller,
            @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(ref = RulesRequestSchemas.RULES_REF))) RulesRequest body) {
        caller.require(Role.FREELANCER);
        return Mono.fromCallable(() -> body.toChange(false))
                .flatMap(change -> rules.changeRules(caller, change))
                .map(Rules::of);
    }

    @GetMapping("/clients/{clientId}/rules")
    @Refuses(status = 422, code = "relationship.required", when = "the client is not actively connected")
    Mono<ClientRulesResponse> clientRules(CurrentUser caller, @PathVariable UUID clientId) {
        caller.require(Role.FREELANCER);
        return rules.clientRules(caller, clientId).map(ClientRulesResponse::of);
    }

    @PutMapping("/clients/{clientId}/rules")
    @Refuses(status = 422, code = "relationship.required", when = "the client is not actively connected")
    Mono<ClientRulesResponse> putClientRules(CurrentUser caller, @PathVariable UUID clientId,
            @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(ref = RulesRequestSchemas.CLIENT_RULES_REF)))
            RulesRequest body) {
        caller.require(Role.FREELANCER);
        return Mono.fromCallable(() -> body.toChange(true))
                .flatMap(change -> rules.changeClientRules(caller, clientId, change))
                .map(ClientRulesResponse::of);
    }

    @PutMapping("/overrides/{date}")
    Mono<ResponseEntity<OverrideResponse>> putOverride(CurrentUser caller,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @RequestBody OverrideRequest body) {
        caller.require(Role.FREELANCER);
        return Mono.fromCallable(() -> body.toOverride(date))
                .flatMap(override -> rules.putOverride(caller, override))
                .flatMap(override -> withStranded(caller, HttpStatus.OK, OverrideResponse.of(override)));
    }

    @DeleteMapping("/overrides/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<ResponseEntity<Void>> deleteOverride(CurrentUser caller,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        caller.require(Role.FREELANCER);
        return rules.deleteOverride(caller, date).then(withStranded(caller, HttpStatus.NO_CONTENT, null));
    }

    @PostMapping("/time-off")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ResponseEntity<TimeOffResponse>> addTimeOff(CurrentUser caller, @Valid @RequestBody TimeOffRequest body) {
        caller.require(Role.FREELANCER);
        return Mono.fromCallable(body::toTime)
                .flatMap(time -> rules.addTimeOff(caller, time, body.note()))
                .flatMap(timeOff -> withStranded(caller, HttpStatus.CREATED, TimeOffResponse.of(timeOff)));
    }

    @DeleteMapping("/time-off/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<ResponseEntity<Void>> deleteTimeOff(CurrentUser caller, @PathVariable UUID id) {
        caller.require(Role.FREELANCER);
        return rules.deleteTimeOff(caller, id).then(withStranded(caller, HttpStatus.NO_CONTENT, null));
    }

    /**
     * The freelancer's future bookings its availability no longer allows, ascending by start then id, paged with
     * {@code limit} and {@code cursor} as every list.
     */
    @GetMapping("/stranded")
    Mono<Page<StrandedResponse>> stranded(CurrentUser caller, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        caller.require(Role.FREELANCER);
        int pageSize = Cursors.limit(limit);
        BookingPosition after = Cursors.decode(cursor, 2, BookingPosition::fromParts);
        return rules.stranded(caller.id()).map(all -> {
            List<StrandedBooking> fetched = new ArrayList<>(pageSize + 1);
            for (StrandedBooking stranded : all) {
                if (after != null && !after(stranded, after.start(), after.id())) {
                    continue;
                }
                fetched.add(stranded);
                if (fetched.size() > pageSize) {
                    break;
                }
            }
            Page<StrandedBooking> page = Cursors.page(fetched, pageSize, last -> Cursors.encode(
                    BookingPosition.of(last.booking()).toParts().toArray(String[]::new)));
            return new Page<>(page.items().stream().map(StrandedResponse::of).toList(), page.nextCursor());
        });
    }

    private static boolean after(StrandedBooking stranded, Instant start, UUID id) {
        int byStart = stranded.booking().time().start().compareTo(start);
        return byStart > 0 || byStart == 0 && stranded.booking().id().compareTo(id) > 0;
    }

    /** The answer with the count of bookings the freelancer's availability now strands. */
    private <T> Mono<ResponseEntity<T>> withStranded(CurrentUser caller, HttpStatus status, T body) {
        return rules.strandedCount(caller.id())
                .map(count -> ResponseEntity.status(status).header(STRANDED_HEADER, String.valueOf(count)).body(body));
    }
}
