package io.bantam.booking.rules.web;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.bantam.booking.rules.domain.BookingRules.Member;
import io.bantam.booking.rules.domain.RulesChange;
import io.bantam.service.patch.Patch;
import io.bantam.service.problem.ApiException;
import io.bantam.service.problem.ApiException.FieldError;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code PUT /api/availability/rules} and {@code PUT /api/availability/clients/{clientId}/rules}: any
 * of the six members; an absent one stays as it is. A record cannot tell an absent member from a {@code null}, so
 * the body is read member by member, and each member is checked by its {@link Member} (the same ranges the
 * documents' {@code RulesRequest} and {@code ClientRulesRequest} schemas give, {@link RulesRequestSchemas}).
 */
final class RulesRequest {

    private final Map<Member, Object> present = new EnumMap<>(Member.class);
    private final Map<String, Object> unknown = new LinkedHashMap<>();

    /** Every member of the body, as JSON gave it (a whole number is an {@link Integer}). */
    @JsonAnySetter
    void member(String name, Object value) {
        Member.named(name).ifPresentOrElse(member -> present.put(member, value), () -> unknown.put(name, value));
    }

    /**
     * The change asked for; 400 naming every member that is not a known one, not a whole number, out of its range,
     * or {@code null} where the member cannot be null ({@code nullResets}: a client's rules, where null means "the
     * default"; otherwise only {@code maxBookingsPerWeek}, where null means "no maximum").
     */
    RulesChange toChange(boolean nullResets) {
        List<FieldError> errors = new ArrayList<>();
        unknown.keySet().forEach(name -> errors.add(new FieldError(name, "is not a known field")));
        present.forEach((member, value) -> {
            if (value == null) {
                if (!nullResets && member != Member.MAX_PER_WEEK) {
                    errors.add(new FieldError(member.field, "must not be null"));
                }
            } else if (!(value instanceof Integer number)) {
                errors.add(new FieldError(member.field, "has an invalid value"));
            } else if (!member.allows(number)) {
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
        return present.containsKey(member) ? Patch.set((Integer) present.get(member)) : Patch.keep();
    }
}
