package io.bantam.service.patch;

/**
 * One field of a partial update: left as it is, or set to a value ({@code null} clears an optional field).
 * JSON merge-patch semantics: an absent member keeps the field, an explicit {@code null} clears it.
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
    }
}
