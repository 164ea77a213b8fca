package io.bantam.booking.booking.web;

import io.bantam.booking.booking.domain.BookingChange;
import io.bantam.booking.booking.domain.BookingDetails;
import io.bantam.service.problem.ApiException.FieldError;
import io.bantam.service.problem.ApiException;
import io.bantam.service.validation.StorableText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of {@code PATCH /api/bookings/{id}}, with merge-patch semantics: a member that is absent leaves its
 * field alone, an explicit {@code null} clears the location (the other fields cannot be cleared). A record
 * cannot tell the two apart, so this is a class whose setters remember which members the body had.
 */
final class PatchBookingRequest {

    enum Member { START, DURATION_MINUTES, TITLE, LOCATION }

    private final Set<Member> present = EnumSet.noneOf(Member.class);

    @JsonDeserialize(using = RequestInstant.Deserializer.class)
    private Instant start;

    @Min(BookingDetails.MIN_DURATION_MINUTES)
    @Max(BookingDetails.MAX_DURATION_MINUTES)
    private Integer durationMinutes;

    @Size(min = 1, max = BookingDetails.TITLE_MAX)
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    @StorableText
    private String title;

    @Size(max = BookingDetails.LOCATION_MAX)
    @StorableText
    private String location;

    void setStart(Instant start) {
        this.start = start;
        present.add(Member.START);
    }

    void setDurationMinutes(Integer durationMinutes) {
        this.durationMinutes = durationMinutes;
        present.add(Member.DURATION_MINUTES);
    }

    void setTitle(String title) {
        this.title = title;
        present.add(Member.TITLE);
    }

    void setLocation(String location) {
        this.location = location;
        present.add(Member.LOCATION);
    }

    /** The change asked for; 400 for a {@code null} where a value cannot be cleared. */
    BookingChange toChange() {
        List<FieldError> errors = new ArrayList<>();
        if (present.contains(Member.START) && start == null) {
            errors.add(new FieldError("start", "must not be null"));
        }
        if (present.contains(Member.DURATION_MINUTES) && durationMinutes == null) {
            errors.add(new FieldError("durationMinutes", "must not be null"));
        }
        if (present.contains(Member.TITLE) && title == null) {
            errors.add(new FieldError("title", "must not be null"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The request has invalid fields.", errors);
        }
        BookingChange change = BookingChange.none();
        if (present.contains(Member.START)) {
            change = change.withStart(start);
        }
        if (present.contains(Member.DURATION_MINUTES)) {
            change = change.withDurationMinutes(durationMinutes);
        }
        if (present.contains(Member.TITLE)) {
            change = change.withTitle(title);
        }
        if (present.contains(Member.LOCATION)) {
            change = change.withLocation(location);
        }
        return change;
    }
}
