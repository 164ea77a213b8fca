package io.bantam.service.patch;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;

/**
 * Documents a {@code Patch<T>} member as the {@code T} it carries (an optional member of that type), the way
 * the body is written; the API document does not show the wrapper. The member is {@code writeOnly}: a patch is
 * only ever sent (as the setter-only members of the request classes before were documented).
 */
final class PatchModelConverter implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        JavaType javaType = Json.mapper().constructType(type.getType());
        if (javaType == null || !javaType.hasRawClass(Patch.class)) {
            return chain.next().resolve(type, context, chain);
        }
        AnnotatedType content = new AnnotatedType(javaType.containedTypeOrUnknown(0))
                .ctxAnnotations(type.getCtxAnnotations())
                .parent(type.getParent())
                .name(type.getName())
                .propertyName(type.getPropertyName())
                .schemaProperty(type.isSchemaProperty())
                .resolveAsRef(type.isResolveAsRef())
                .resolveEnumAsRef(type.isResolveEnumAsRef())
                .jsonViewAnnotation(type.getJsonViewAnnotation())
                .skipSchemaName(true);
        Schema<?> schema = chain.next().resolve(content, context, chain);
        if (schema != null && schema.get$ref() == null) {
            schema.setWriteOnly(true);
        }
        return schema;
    }
}
