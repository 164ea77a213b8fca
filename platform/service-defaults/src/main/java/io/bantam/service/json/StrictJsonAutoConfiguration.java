package io.bantam.service.json;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

/**
 * A JSON value must already have the type the API names: Jackson's default coercions turned wrong input
 * into stored data ({@code "title": 12345} saved as "12345", {@code "priority": 1} read as the enum's
 * second constant, {@code "role": 1} signing up a CLIENT, {@code 30.5} as 30, {@code ""} clearing an id).
 * Found by the system bad-input suite (deploy/local {@code BadInputIT}); each refusal is a 400 naming the
 * field through {@code ProblemMapper}. Applies to events too: producers are our own code and write the
 * declared types.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class StrictJsonAutoConfiguration {

    @Bean
    JsonMapperBuilderCustomizer bantamStrictScalars() {
        return builder -> builder
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
                .configure(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true)
                .withCoercionConfigDefaults(all -> all.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
