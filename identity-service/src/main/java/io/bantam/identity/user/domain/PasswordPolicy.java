package io.bantam.identity.user.domain;

import java.util.Optional;

/**
 * What a new password must be (NIST SP 800-63B): 8 to 128 characters, counted as Unicode code points, so an
 * emoji is one character; any characters allowed, spaces included, no composition rules.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String password) {
        if (password == null) {
            return Optional.of("must not be null");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        return Optional.empty();
    }

    public static boolean isAcceptable(String password) {
        return problem(password).isEmpty();
    }
}
