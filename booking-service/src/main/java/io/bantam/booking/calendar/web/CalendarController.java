package io.bantam.booking.calendar.web;

import io.bantam.booking.calendar.CalendarService;
import io.bantam.booking.calendar.CalendarService.Document;
import io.bantam.service.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Calendar feeds and calendar files. {@code /calendar/{token}.ics} takes no token: the unguessable token in the
 * address is the key (a public path in application.yml); the gateway rate-limits its failed look-ups.
 */
@RestController
class CalendarController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final CalendarService calendars;

    CalendarController(CalendarService calendars) {
        this.calendars = calendars;
    }

    /** The caller's private feed address. */
    record FeedResponse(String url) {
    }

    @GetMapping("/api/calendar/feed")
    @Operation(summary = "The caller's private calendar feed address, made on first use, the same until reset")
    Mono<FeedResponse> feed(CurrentUser caller) {
        return calendars.feedUrl(caller.id()).map(FeedResponse::new);
    }

    @PostMapping("/api/calendar/feed/reset")
    @Operation(summary = "A new feed address; the old one is 404 at once")
    Mono<FeedResponse> reset(CurrentUser caller) {
        return calendars.resetFeed(caller.id()).map(FeedResponse::new);
    }

    /**
     * A user's bookings as an RFC 5545 calendar. Not in the OpenAPI document (which is the JSON API under
     * {@code /api}): calendar apps read it, and its one path parameter is a secret, not an id; docs/calendar.md
     * describes it.
     */
    @GetMapping(value = "/calendar/{token}.ics", produces = "text/calendar")
    Mono<ResponseEntity<byte[]>> calendar(@PathVariable String token,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) List<String> ifNoneMatch) {
        return calendars.version(token).flatMap(version -> {
            if (matches(ifNoneMatch, version.etag())) {
                return Mono.just(notModified(version.etag()));
            }
            return calendars.feed(version).map(document -> answer(document, null, null));
        });
    }

    @GetMapping(value = "/api/bookings/{id}/ics", produces = "text/calendar")
    @Operation(summary = "One booking of the caller (either party) as an RFC 5545 calendar file",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/calendar",
                    schema = @Schema(type = "string"))))
    Mono<ResponseEntity<byte[]>> booking(CurrentUser caller, @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) List<String> ifNoneMatch) {
        return calendars.booking(caller.id(), id)
                .map(document -> answer(document, ifNoneMatch, "attachment; filename=\"booking-" + id + ".ics\""));
    }

    private static final CacheControl REVALIDATE = CacheControl.noCache().cachePrivate();

    private static ResponseEntity<byte[]> notModified(String etag) {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(REVALIDATE).build();
    }

    private static ResponseEntity<byte[]> answer(Document document, List<String> ifNoneMatch, String disposition) {
        CacheControl cache = REVALIDATE;
        if (matches(ifNoneMatch, document.etag())) {
            return notModified(document.etag());
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(TEXT_CALENDAR).eTag(document.etag())
                .cacheControl(cache);
        if (disposition != null) {
            ok.header(HttpHeaders.CONTENT_DISPOSITION, disposition);
        }
        return ok.body(document.body());
    }

    /** RFC 9110 13.1.2: weak comparison, a list of tags or {@code *}. */
    static boolean matches(List<String> ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String header : ifNoneMatch) {
            for (String candidate : header.split(",")) {
                String tag = candidate.strip();
                if (tag.equals("*")) {
                    return true;
                }
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals(opaque)) {
                    return true;
                }
            }
        }
        return false;
    }
}
