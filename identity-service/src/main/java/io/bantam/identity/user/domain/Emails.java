package io.bantam.identity.user.domain;

import java.util.Locale;

/**
 * Email addresses are kept as the user typed them (trimmed) and compared case-insensitively: the database
 * enforces uniqueness on {@code lower(email)}.
 */
public final class Emails {

    /** RFC 5321's limit on a forward path. */
    public static final int MAX_LENGTH = 254;

    /**
     * What the request validation asks of an address on top of the basic syntax check: a local part, an
     * {@code @}, and a domain with at least one dot (so {@code ada@localhost} is refused), no whitespace.
     */
    public static final String PATTERN = "[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+";

    private Emails() {
    }

    public static String normalize(String email) {
        return email.strip();
    }

    /** The form two addresses are compared in. */
    public static String canonical(String email) {
        return normalize(email).toLowerCase(Locale.ROOT);
    }
}
