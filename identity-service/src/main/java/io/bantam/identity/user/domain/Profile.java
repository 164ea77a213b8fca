package io.bantam.identity.user.domain;

/**
 * The bounds of a profile's fields. Request validation uses the same constants, so a request that passes
 * validation never trips the checks here (they guard the domain against a programming error).
 */
public final class Profile {

    public static final int NAME_MAX = 100;
    public static final int PREFERRED_NAME_MAX = 100;
    public static final int PRONOUNS_MAX = 40;
    public static final int PHONE_MAX = 32;

    /**
     * Digits, spaces and the usual separators, optionally a leading {@code +}: {@code +44 20 7946 0000}. Blank
     * is allowed too: like {@code null}, it clears the field.
     */
    public static final String PHONE_PATTERN = "\\s*(\\+?[0-9][0-9 ()./-]*)?\\s*";

    private Profile() {
    }

    static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        return bounded("name", name.strip(), NAME_MAX);
    }

    /** An optional text field: stripped, blank becomes absent. */
    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return bounded(field, value.strip(), max);
    }

    private static String bounded(String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters");
        }
        return value;
    }
}
