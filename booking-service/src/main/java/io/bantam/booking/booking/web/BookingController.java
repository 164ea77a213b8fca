package io.bantam.booking.booking.web;

import io.bantam.booking.booking.BookingService;
import io.bantam.service.openapi.Refuses;
import io.bantam.service.paging.Cursors;
import io.bantam.service.paging.Page;
import io.bantam.service.problem.ApiException;
import io.bantam.service.security.CurrentUser;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Bookings of the caller, as either party. */
@RestController
@RequestMapping("/api/bookings")
class BookingController {

    private final BookingService bookings;

    BookingController(BookingService bookings) {
        this.bookings = bookings;
    }

    @PostMapping
    @Refuses(status = 409, code = "booking.conflict", when = "either party has another booking overlapping it "
            + "(`conflictingParty`: FREELANCER or CLIENT), or a client's time with its buffers meets another booking of "
            + "the freelancer with its own")
    @Refuses(status = 422, code = "relationship.required", when = "the two parties have no active relationship")
    @Refuses(status = 422, code = "booking.outside-availability", when = "a client books outside the freelancer's "
            + "availability (its date overrides and time off included)")
    @Refuses(status = 422, code = "booking.too-soon", when = "a client books with less than the minimum notice")
    @Refuses(status = 422, code = "booking.too-far", when = "a client books beyond the horizon")
    @Refuses(status = 422, code = "booking.limit-reached", when = "a client has reached its weekly maximum with the "
            + "freelancer")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<BookingResponse> create(CurrentUser caller, @Valid @RequestBody CreateBookingRequest body) {
        return Mono.fromCallable(() -> body.counterpartOf(caller))
                .flatMap(counterpart -> bookings.create(caller, counterpart, body.toDetails()))
                .map(BookingResponse::of);
    }

    @GetMapping
    Mono<Page<BookingResponse>> list(CurrentUser caller,
            @RequestParam(required = false) @Parameter(schema = @Schema(format = "date-time")) String from,
            @RequestParam(required = false) @Parameter(schema = @Schema(format = "date-time")) String to,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiException.invalidField("to", "must be after from");
        }
        int pageSize = Cursors.limit(limit);
        return bookings.list(caller, start, end, pageSize, cursor)
                .map(page -> new Page<>(page.items().stream().map(BookingResponse::of).toList(), page.nextCursor()));
    }

    @GetMapping("/{id}")
    Mono<BookingResponse> get(CurrentUser caller, @PathVariable UUID id) {
        return bookings.get(caller, id).map(BookingResponse::of);
    }

    @PatchMapping("/{id}")
    @Refuses(status = 409, code = "booking.conflict", when = "either party has another booking overlapping it "
            + "(`conflictingParty`: FREELANCER or CLIENT), or a client's time with its buffers meets another booking of "
            + "the freelancer with its own")
    @Refuses(status = 422, code = "relationship.required", when = "the two parties have no active relationship")
    @Refuses(status = 422, code = "booking.outside-availability", when = "a client books outside the freelancer's "
            + "availability (its date overrides and time off included)")
    @Refuses(status = 422, code = "booking.too-soon", when = "a client books with less than the minimum notice")
    @Refuses(status = 422, code = "booking.too-far", when = "a client books beyond the horizon")
    @Refuses(status = 422, code = "booking.limit-reached", when = "a client has reached its weekly maximum with the "
            + "freelancer")
    @Refuses(status = 422, code = "booking.change-too-late", when = "a client moves a booking that starts within "
            + "the cut-off")
    Mono<BookingResponse> change(CurrentUser caller, @PathVariable UUID id,
            @Valid @RequestBody PatchBookingRequest body) {
        return Mono.fromCallable(body::toChange)
                .flatMap(change -> bookings.change(caller, id, change))
                .map(BookingResponse::of);
    }

    @DeleteMapping("/{id}")
    @Refuses(status = 422, code = "booking.change-too-late", when = "a client cancels a booking that starts within "
            + "the cut-off")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> cancel(CurrentUser caller, @PathVariable UUID id) {
        return bookings.cancel(caller, id);
    }

    /**
     * An instant query parameter, with any offset ({@code 2026-12-01T10:00:00+01:00}). A {@code +} sent unencoded
     * in a query string arrives as a space; it is read as the {@code +} it was.
     */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return RequestInstant.parse(value.strip().replace(' ', '+'));
        } catch (DateTimeException e) {
            throw ApiException.invalidField(name, RequestInstant.MESSAGE);
        }
    }
}
