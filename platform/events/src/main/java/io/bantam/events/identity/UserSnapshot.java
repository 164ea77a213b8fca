package io.bantam.events.identity;

import java.util.Objects;
import java.util.UUID;

/** A user's public profile as identity-service publishes it. {@code role} is FREELANCER or CLIENT. */
public record UserSnapshot(
        UUID id,
        String email,
        String name,
        String role,
        String timeZone,
        String phone,
        String preferredName,
        String pronouns) {

    public UserSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
    }
}
