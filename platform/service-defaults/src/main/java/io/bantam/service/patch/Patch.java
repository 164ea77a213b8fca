package io.bantam.service.patch;

import java.util.function.Function;

/**
 * One field of a partial update: left as it is, or set to a value ({@code null} clears an optional field).
 * JSON merge-patch semantics: an absent member keeps the field, an explicit {@code null} clears it.
 *
 * <p>A request body declares its members as {@code Patch<T>} components of a record, with the constraints on the
 * type argument ({@code Patch<@NotNull @Size(max = 200) String> title} for a member that cannot be cleared);
 * {@link PatchModule} reads them and {@link PatchValueExtractor} validates them.
 */
public sealed interface Patch<T> {

    @SuppressWarnings("unchecked")
    static <T> Patch<T> keep() {
        return (Patch<T>) Keep.INSTANCE;
    }

    static <T> Patch<T> set(T value) {
        return new Set<>(value);
    }

    T applyTo(T current);

    boolean changes();

    /**
     * The same patch with its value converted ({@code timeZone.map(ZoneId::of)}): a kept field stays kept; a set
     * one is set to {@code convert} of its value, which is given {@code null} for an explicit null.
     */
    <R> Patch<R> map(Function<? super T, ? extends R> convert);

    /** Leaves the field as it is. */
    final class Keep<T> implements Patch<T> {

        private static final Keep<?> INSTANCE = new Keep<>();

        private Keep() {
        }

        @Override
        public T applyTo(T current) {
            return current;
        }

        @Override
        public boolean changes() {
            return false;
        }

        @Override
        public <R> Patch<R> map(Function<? super T, ? extends R> convert) {
            return keep();
        }

        @Override
        public String toString() {
            return "keep";
        }
    }

    /** Sets the field; a null value clears it. */
    record Set<T>(T value) implements Patch<T> {

        @Override
        public T applyTo(T current) {
            return value;
        }

        @Override
        public boolean changes() {
            return true;
        }

        @Override
        public <R> Patch<R> map(Function<? super T, ? extends R> convert) {
            return set(convert.apply(value));
        }
    }
}
