package io.bantam.identity.user.domain;

import java.util.Objects;

/** A user with the hash of its password: what login needs, and nothing else does. */
public record Credentials(User user, String passwordHash) {

    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user.id() + "]";
    }
}
