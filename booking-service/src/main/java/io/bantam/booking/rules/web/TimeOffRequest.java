package io.bantam.booking.rules.web;

import io.bantam.booking.booking.web.RequestInstant;
import io.bantam.booking.rules.domain.TimeOff;
import io.bantam.booking.time.TimeRange;
import io.bantam.service.problem.ApiException;
import io.bantam.service.validation.StorableText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/** The body of {@code POST /api/availability/time-off}: instants with any offset, and an optional note. */
record TimeOffRequest(
        @NotNull @JsonDeserialize(using = RequestInstant.Deserializer.class) Instant start,
        @NotNull @JsonDeserialize(using = RequestInstant.Deserializer.class) Instant end,
        @Schema(types = {"string", "null"}) @Size(max = TimeOff.NOTE_MAX) @StorableText String note) {

    /** The time asked for; 400 on {@code end} when it is not after start or more than 366 days after it. */
    TimeRange toTime() {
        if (!start.isBefore(end)) {
            throw ApiException.invalidField("end", "must be after start");
        }
        TimeRange time = new TimeRange(start, end);
        if (time.duration().compareTo(TimeOff.MAX_LENGTH) > 0) {
            throw ApiException.invalidField("end", "must be at most 366 days after start");
        }
        return time;
    }
}
