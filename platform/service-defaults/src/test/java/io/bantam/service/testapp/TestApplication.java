package io.bantam.service.testapp;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.bantam.service.openapi.Refuses;
import io.bantam.service.patch.Patch;
import io.bantam.service.problem.ApiException;
import io.bantam.service.security.CurrentUser;
import io.bantam.service.security.Role;
import io.bantam.service.testsupport.TestSecurity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/** A small service on service-defaults, for testing what every service gets. */
@SpringBootApplication
@Import(TestSecurity.class)
public class TestApplication {

    public static final UUID MISSING = UUID.fromString("00000000-0000-0000-0000-000000000404");

    enum Kind { SMALL, LARGE }

    record ThingRequest(@NotBlank @Size(max = 10) String name, @NotNull Kind kind, Instant when) {
    }

    record Thing(UUID id, String name, Kind kind) {
    }

    /** A merge-patch body: name may not be cleared, note may; when is read by its own deserializer. */
    public record ThingPatch(
            Patch<@NotNull @Size(min = 1, max = 10) String> name,
            Patch<@Size(max = 5) String> note,
            Patch<@NotNull Kind> kind,
            @JsonFormat(lenient = OptBoolean.FALSE) Patch<LocalDate> day,
            @JsonDeserialize(contentUsing = StrictInstant.class) Patch<Instant> when) {
    }

    /** Reads an instant only from a string with an offset (a JSON number would otherwise be epoch seconds). */
    public static final class StrictInstant extends ValueDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            try {
                return OffsetDateTime.parse(parser.getString()).toInstant();
            } catch (DateTimeException e) {
                throw context.weirdStringException(parser.getString(), Instant.class, "not a date-time with an offset");
            }
        }
    }

    @RestController
    static class ThingController {

        @PostMapping("/test/things")
        @ResponseStatus(HttpStatus.CREATED)
        Mono<Thing> create(@Valid @RequestBody ThingRequest request) {
            return Mono.just(new Thing(UUID.randomUUID(), request.name(), request.kind()));
        }

        @PatchMapping("/test/things/{id}")
        Mono<String> patch(@PathVariable UUID id, @Valid @RequestBody ThingPatch patch) {
            return Mono.just(patch.toString());
        }

        @GetMapping("/test/things/{id}")
        Mono<Thing> read(@PathVariable UUID id) {
            return id.equals(MISSING) ? Mono.error(ApiException.notFound("No such thing."))
                    : Mono.just(new Thing(id, "a thing", Kind.SMALL));
        }

        @GetMapping("/test/things")
        Mono<String> list(@RequestParam(defaultValue = "100") int limit) {
            return Mono.just("limit " + limit);
        }

        @GetMapping("/test/public")
        Mono<String> publicEndpoint() {
            return Mono.just("open");
        }

        @GetMapping("/test/me")
        Mono<CurrentUser> me(CurrentUser user) {
            return Mono.just(user);
        }

        @GetMapping("/test/freelancers-only")
        Mono<String> freelancersOnly(CurrentUser user) {
            user.require(Role.FREELANCER);
            return Mono.just("welcome");
        }

        @GetMapping("/test/conflict")
        @Refuses(status = 409, code = "booking.conflict", when = "it overlaps")
        Mono<String> conflict() {
            return Mono.error(ApiException.conflict("booking.conflict", "It overlaps.").with("conflictingParty", "CLIENT"));
        }

        @GetMapping("/test/bug")
        Mono<String> bug() {
            return Mono.error(new IllegalStateException("SELECT secret FROM users WHERE 1=1"));
        }

        @GetMapping("/test/database-down")
        Mono<String> databaseDown() {
            return Mono.error(new DataAccessResourceFailureException("Connection refused: db:5432"));
        }
    }
}
