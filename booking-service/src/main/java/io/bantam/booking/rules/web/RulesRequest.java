package io.bantam.booking.rules.web;

import io.bantam.booking.rules.domain.BookingRules;
import io.bantam.booking.rules.domain.BookingRules.Member;
import io.bantam.booking.rules.domain.RulesChange;
import io.bantam.service.patch.Patch;
import io.bantam.service.problem.ApiException;
import io.bantam.service.problem.ApiException.FieldError;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code PUT /api/availability/rules} and {@code PUT /api/availability/clients/{clientId}/rules}: any
 * of the six members; an absent one stays as it is. A record cannot tell an absent member from a {@code null}, so
 * the setters remember which members the body had.
 */
final class RulesRequest {

    private final Map<Member, Integer> present = new EnumMap<>(Member.class);

    // the fields document the members and their ranges (OpenAPI); the setters remember what the body had
    @Min(0) @Max(BookingRules.MAX_BUFFER_MINUTES)
    private Integer bufferBeforeMinutes;
    @Min(0) @Max(BookingRules.MAX_BUFFER_MINUTES)
    private Integer bufferAfterMinutes;
    @Min(0) @Max(BookingRules.MAX_NOTICE_MINUTES)
    private Integer minimumNoticeMinutes;
    @Min(1) @Max(BookingRules.MAX_HORIZON_DAYS)
    private Integer horizonDays;
    @Min(1) @Max(BookingRules.MAX_BOOKINGS_PER_WEEK)
    private Integer maxBookingsPerWeek;
    @Min(0) @Max(BookingRules.MAX_CUTOFF_MINUTES)
    private Integer changeCutoffMinutes;

    void setBufferBeforeMinutes(Integer value) {
        bufferBeforeMinutes = value;
        present.put(Member.BUFFER_BEFORE, value);
    }

    void setBufferAfterMinutes(Integer value) {
        bufferAfterMinutes = value;
        present.put(Member.BUFFER_AFTER, value);
    }

    void setMinimumNoticeMinutes(Integer value) {
        minimumNoticeMinutes = value;
        present.put(Member.MINIMUM_NOTICE, value);
    }

    void setHorizonDays(Integer value) {
        horizonDays = value;
        present.put(Member.HORIZON, value);
    }

    void setMaxBookingsPerWeek(Integer value) {
        maxBookingsPerWeek = value;
        present.put(Member.MAX_PER_WEEK, value);
    }

    void setChangeCutoffMinutes(Integer value) {
        changeCutoffMinutes = value;
        present.put(Member.CHANGE_CUTOFF, value);
    }

    /**
     * The change asked for; 400 naming every member out of its range, and every {@code null} where the member
     * cannot be null ({@code nullResets}: a client's rules, where null means "the default"; otherwise only
     * {@code maxBookingsPerWeek}, where null means "no maximum").
     */
    RulesChange toChange(boolean nullResets) {
        List<FieldError> errors = new ArrayList<>();
        present.forEach((member, value) -> {
            if (value == null) {
                if (!nullResets && member != Member.MAX_PER_WEEK) {
                    errors.add(new FieldError(member.field, "must not be null"));
                }
            } else if (!member.allows(value)) {
                errors.add(new FieldError(member.field, member.rangeMessage()));
            }
        });
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The rules are not valid.", errors);
        }
        return new RulesChange(patch(Member.BUFFER_BEFORE), patch(Member.BUFFER_AFTER), patch(Member.MINIMUM_NOTICE),
                patch(Member.HORIZON), patch(Member.MAX_PER_WEEK), patch(Member.CHANGE_CUTOFF));
    }

    private Patch<Integer> patch(Member member) {
        return present.containsKey(member) ? Patch.set(present.get(member)) : Patch.keep();
    }
}
