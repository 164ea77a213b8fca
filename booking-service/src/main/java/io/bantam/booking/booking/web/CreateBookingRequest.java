package io.bantam.booking.booking.web;

import io.bantam.booking.booking.domain.BookingDetails;
import io.bantam.service.problem.ApiException;
import io.bantam.service.security.CurrentUser;
import io.bantam.service.security.Role;
import io.bantam.service.validation.StorableText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of {@code POST /api/bookings}. The caller is one party; the other is {@code clientId} when a
 * freelancer books and {@code freelancerId} when a client books. The server computes the end.
 */
record CreateBookingRequest(
        UUID clientId,
        UUID freelancerId,
        @NotNull @JsonDeserialize(using = RequestInstant.Deserializer.class) Instant start,
        @NotNull @Min(BookingDetails.MIN_DURATION_MINUTES) @Max(BookingDetails.MAX_DURATION_MINUTES)
        Integer durationMinutes,
        @NotBlank @Size(max = BookingDetails.TITLE_MAX) @StorableText String title,
        @Size(max = BookingDetails.LOCATION_MAX) @StorableText String location) {

    /**
     * The other party: 400 when it is missing for the caller's role, or when the caller's own side names someone
     * other than the caller.
     */
    UUID counterpartOf(CurrentUser caller) {
        boolean freelancer = caller.is(Role.FREELANCER);
        UUID counterpart = freelancer ? clientId : freelancerId;
        UUID ownSide = freelancer ? freelancerId : clientId;
        String counterpartField = freelancer ? "clientId" : "freelancerId";
        String ownField = freelancer ? "freelancerId" : "clientId";
        if (counterpart == null) {
            throw ApiException.invalidField(counterpartField, "is required");
        }
        if (ownSide != null && !ownSide.equals(caller.id())) {
            throw ApiException.invalidField(ownField, "must be your own id or left out");
        }
        return counterpart;
    }

    BookingDetails toDetails() {
        return new BookingDetails(BookingDetails.timeOf(start, durationMinutes), title, location);
    }
}
