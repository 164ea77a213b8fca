package io.bantam.identity.user.domain;

/** Another user already has this email address (compared case-insensitively). */
public final class EmailTakenException extends RuntimeException {

    public EmailTakenException() {
        super("email already registered", null, false, false);
    }
}
