package io.bantam.service.patch;

import tools.jackson.core.Version;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.deser.Deserializers;
import tools.jackson.databind.deser.std.ReferenceTypeDeserializer;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.type.ReferenceType;
import tools.jackson.databind.type.TypeBindings;
import tools.jackson.databind.type.TypeFactory;
import tools.jackson.databind.type.TypeModifier;

/**
 * Reads a {@link Patch} member of a request body with JSON merge-patch semantics: an absent member is
 * {@link Patch#keep()}, an explicit {@code null} is {@code Patch.set(null)}, a value is {@code Patch.set(value)}
 * read as a plain {@code T} member would be.
 *
 * <p>Jackson sees {@code Patch<T>} as a reference type (as it sees {@code Optional<T>}), so the value is read by
 * the deserializer {@code T} would have, contextualised with the member's own annotations: {@code @JsonFormat}
 * applies as on a plain member, and a custom deserializer is named with
 * {@code @JsonDeserialize(contentUsing = ...)} (not {@code using}, which would replace the Patch's own).
 * Service-defaults registers it in every service's {@code JsonMapper} ({@link PatchAutoConfiguration}); the
 * values are validated through {@link PatchValueExtractor}.
 */
public final class PatchModule extends JacksonModule {

    @Override
    public String getModuleName() {
        return "bantam-patch";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addTypeModifier(new PatchTypeModifier());
        context.addDeserializers(new PatchDeserializers());
    }

    /** Makes {@code Patch<T>} a reference type to {@code T}. */
    static final class PatchTypeModifier extends TypeModifier {

        @Override
        public JavaType modifyType(JavaType type, java.lang.reflect.Type jdkType, TypeBindings bindings,
                TypeFactory typeFactory) {
            if (type.isReferenceType() || type.isContainerType() || !type.hasRawClass(Patch.class)) {
                return type;
            }
            return ReferenceType.upgradeFrom(type, type.containedTypeOrUnknown(0));
        }
    }

    static final class PatchDeserializers extends Deserializers.Base {

        @Override
        public ValueDeserializer<?> findReferenceDeserializer(ReferenceType type, DeserializationConfig config,
                BeanDescription.Supplier description, TypeDeserializer contentTypeDeserializer,
                ValueDeserializer<?> contentDeserializer) {
            return type.hasRawClass(Patch.class)
                    ? new PatchDeserializer(type, contentTypeDeserializer, contentDeserializer)
                    : null;
        }

        @Override
        public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
            return Patch.class.isAssignableFrom(valueType);
        }
    }

    static final class PatchDeserializer extends ReferenceTypeDeserializer<Patch<Object>> {

        PatchDeserializer(JavaType type, TypeDeserializer contentTypeDeserializer,
                ValueDeserializer<?> contentDeserializer) {
            super(type, null, contentTypeDeserializer, contentDeserializer);
        }

        @Override
        protected PatchDeserializer withResolved(TypeDeserializer contentTypeDeserializer,
                ValueDeserializer<?> contentDeserializer) {
            return new PatchDeserializer(_fullType, contentTypeDeserializer, contentDeserializer);
        }

        /** The member is not in the body: the field stays as it is. */
        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return Patch.keep();
        }

        /** {@code "member": null}: the field is set to null (cleared, or refused by validation). */
        @Override
        public Patch<Object> getNullValue(DeserializationContext context) {
            return Patch.set(null);
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return Patch.keep();
        }

        @Override
        public Patch<Object> referenceValue(Object contents) {
            return Patch.set(contents);
        }

        @Override
        public Patch<Object> updateReference(Patch<Object> reference, Object contents) {
            return Patch.set(contents);
        }

        @Override
        public Object getReferenced(Patch<Object> reference) {
            return reference instanceof Patch.Set<Object> set ? set.value() : null;
        }

        @Override
        public Boolean supportsUpdate(DeserializationConfig config) {
            return Boolean.FALSE;
        }
    }
}
