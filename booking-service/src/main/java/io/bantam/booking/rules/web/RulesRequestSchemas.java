package io.bantam.booking.rules.web;

import io.bantam.booking.rules.domain.BookingRules.Member;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The document's schemas of the two rules bodies ({@link RulesRequest}, read member by member), made from
 * {@link Member} so they give the ranges the service checks: every member optional (absent: it stays), null where
 * CONTRACT.md allows it. {@code RulesRequest}: only {@code maxBookingsPerWeek} (no maximum);
 * {@code ClientRulesRequest}: every member (the freelancer's default applies again).
 */
@Component
class RulesRequestSchemas implements OpenApiCustomizer {

    static final String RULES = "RulesRequest";
    static final String CLIENT_RULES = "ClientRulesRequest";
    static final String RULES_REF = "#/components/schemas/" + RULES;
    static final String CLIENT_RULES_REF = "#/components/schemas/" + CLIENT_RULES;

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            return;
        }
        api.getComponents().addSchemas(RULES, body("Any of the booking rules; an absent member stays as it is.",
                Set.of(Member.MAX_PER_WEEK), "null: no maximum"));
        api.getComponents().addSchemas(CLIENT_RULES, body("Any of a client's own rules; an absent member stays as it "
                + "is.", Set.of(Member.values()), "null: the freelancer's default applies"));
    }

    private static Schema<?> body(String description, Set<Member> nullable, String nullMeans) {
        Schema<?> schema = new ObjectSchema().description(description);
        for (Member member : Member.values()) {
            Schema<?> property = new IntegerSchema().format("int32")
                    .minimum(BigDecimal.valueOf(member.min)).maximum(BigDecimal.valueOf(member.max));
            if (nullable.contains(member)) {
                property.types(new LinkedHashSet<>(List.of("integer", "null"))).description(nullMeans);
            }
            schema.addProperty(member.field, property);
        }
        return schema;
    }
}
