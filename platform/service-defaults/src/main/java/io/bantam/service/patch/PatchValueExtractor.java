package io.bantam.service.patch;

import jakarta.validation.valueextraction.ExtractedValue;
import jakarta.validation.valueextraction.ValueExtractor;

/**
 * Lets Bean Validation check the value a {@link Patch} sets: constraints go on the type argument
 * ({@code Patch<@Size(max = 200) String>}, {@code Patch<@NotNull String>} for a field a request may not clear).
 * {@link Patch#keep()} has no value and is never checked; {@code Patch.set(null)} is checked as {@code null}.
 * A violation's path is the member's own ({@code title}), so the 400 names the field as for a plain member.
 * Registered through {@code META-INF/services/jakarta.validation.valueextraction.ValueExtractor}.
 */
public final class PatchValueExtractor implements ValueExtractor<Patch<@ExtractedValue ?>> {

    @Override
    public void extractValues(Patch<?> patch, ValueReceiver receiver) {
        if (patch instanceof Patch.Set<?> set) {
            receiver.value(null, set.value());
        }
    }
}
