package io.bantam.booking.booking.web;

import io.bantam.booking.booking.domain.BookingChange;
import io.bantam.booking.booking.domain.BookingDetails;
import io.bantam.service.patch.Patch;
import io.bantam.service.validation.StorableText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of {@code PATCH /api/bookings/{id}}, with merge-patch semantics ({@link Patch}): a member that is
 * absent leaves its field alone, an explicit {@code null} clears the location (the other fields cannot be
 * cleared: {@code @NotNull}, a 400 naming the field).
 */
record PatchBookingRequest(
        @JsonDeserialize(contentUsing = RequestInstant.Deserializer.class)
        Patch<@NotNull Instant> start,

        Patch<@NotNull @Min(BookingDetails.MIN_DURATION_MINUTES) @Max(BookingDetails.MAX_DURATION_MINUTES) Integer>
                durationMinutes,

        Patch<@NotNull @Size(min = 1, max = BookingDetails.TITLE_MAX)
                @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @StorableText String> title,

        Patch<@Size(max = BookingDetails.LOCATION_MAX) @StorableText String> location) {

    /** The change asked for; bean validation has checked each value (and refused a null that cannot clear). */
    BookingChange toChange() {
        return new BookingChange(start, durationMinutes, title, location);
    }
}
