package io.bantam.booking.rules.web;

import io.bantam.booking.booking.web.BookingResponse;
import io.bantam.booking.rules.RulesService.StrandedBooking;
import io.bantam.booking.rules.domain.BookingRules;
import io.bantam.booking.rules.domain.ClientRules;
import io.bantam.booking.rules.domain.DateOverride;
import io.bantam.booking.rules.domain.Stranded;
import io.bantam.booking.rules.domain.TimeOff;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The contract's {@code BookingRules}, {@code ClientRules}, {@code DateOverride}, {@code TimeOff} and {@code Stranded}. */
public final class RulesResponses {

    /** How many future bookings the freelancer's availability strands, answered by every change to it. */
    public static final String STRANDED_HEADER = "Bantam-Stranded-Bookings";

    private RulesResponses() {
    }

    /** {@code maxBookingsPerWeek} is present with {@code null} when there is no maximum. */
    @Schema(name = "BookingRules", requiredProperties = {"bufferBeforeMinutes", "bufferAfterMinutes",
            "minimumNoticeMinutes", "horizonDays", "maxBookingsPerWeek", "changeCutoffMinutes"})
    public record Rules(int bufferBeforeMinutes, int bufferAfterMinutes, int minimumNoticeMinutes, int horizonDays,
            @Schema(types = {"integer", "null"}, description = "null: no maximum") Integer maxBookingsPerWeek,
            int changeCutoffMinutes) {

        public static Rules of(BookingRules rules) {
            return new Rules(rules.bufferBeforeMinutes(), rules.bufferAfterMinutes(), rules.minimumNoticeMinutes(),
                    rules.horizonDays(), rules.maxBookingsPerWeek(), rules.changeCutoffMinutes());
        }
    }

    /** Every member present; {@code null}: the freelancer's default applies. */
    @Schema(name = "ClientRules", requiredProperties = {"clientId", "bufferBeforeMinutes", "bufferAfterMinutes",
            "minimumNoticeMinutes", "horizonDays", "maxBookingsPerWeek", "changeCutoffMinutes"})
    public record ClientRulesResponse(UUID clientId,
            @Schema(types = {"integer", "null"}, description = DEFAULT) Integer bufferBeforeMinutes,
            @Schema(types = {"integer", "null"}, description = DEFAULT) Integer bufferAfterMinutes,
            @Schema(types = {"integer", "null"}, description = DEFAULT) Integer minimumNoticeMinutes,
            @Schema(types = {"integer", "null"}, description = DEFAULT) Integer horizonDays,
            @Schema(types = {"integer", "null"}, description = DEFAULT) Integer maxBookingsPerWeek,
            @Schema(types = {"integer", "null"}, description = DEFAULT) Integer changeCutoffMinutes) {

        static final String DEFAULT = "null: the freelancer's default applies";

        static ClientRulesResponse of(ClientRules rules) {
            return new ClientRulesResponse(rules.clientId(), rules.bufferBeforeMinutes(), rules.bufferAfterMinutes(),
                    rules.minimumNoticeMinutes(), rules.horizonDays(), rules.maxBookingsPerWeek(),
                    rules.changeCutoffMinutes());
        }
    }

    /** No windows: closed that day. */
    @Schema(name = "DateOverride", requiredProperties = {"date", "windows"})
    public record OverrideResponse(LocalDate date, List<OverrideWindow> windows) {

        public static OverrideResponse of(DateOverride override) {
            return new OverrideResponse(override.date(), override.windows().stream()
                    .map(w -> new OverrideWindow(w.start().toString(), w.end().toString()))
                    .toList());
        }
    }

    /** {@code note} is present with {@code null} when there is none. */
    @Schema(name = "TimeOff", requiredProperties = {"id", "start", "end", "note"})
    public record TimeOffResponse(UUID id, Instant start, Instant end,
            @Schema(types = {"string", "null"}, description = "null: none") String note) {

        public static TimeOffResponse of(TimeOff timeOff) {
            return new TimeOffResponse(timeOff.id(), timeOff.time().start(), timeOff.time().end(), timeOff.note());
        }
    }

    @Schema(name = "Stranded", requiredProperties = {"booking", "reasons"})
    public record StrandedResponse(BookingResponse booking, List<Stranded> reasons) {

        static StrandedResponse of(StrandedBooking stranded) {
            return new StrandedResponse(BookingResponse.of(stranded.booking()), stranded.reasons());
        }
    }
}
