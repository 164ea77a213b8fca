package io.bantam.relationship.profile.domain;

import io.bantam.service.security.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What this service knows of a user (client or freelancer), as identity-service last told it.
 *
 * @param asOf when identity-service made this version of the profile: the {@code occurredAt} of the event that
 *     carried it, or the {@code updatedAt} a lookup answered. Of two versions of one user, the one with the later
 *     {@code asOf} wins, whatever order they arrive in (the store applies
 *     that rule atomically, see {@code UserProfileStore#save}).
 */
public record UserProfile(
        UUID id,
        String email,
        String name,
        Role role,
        String timeZone,
        String phone,
        String preferredName,
        String pronouns,
        Instant asOf) {

    public UserProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(asOf, "asOf");
    }

    /**
     * A profile from identity-service's words; {@code role} must be one this service knows.
     *
     * @throws IllegalArgumentException (or {@link NullPointerException}) when it is not a whole profile
     */
    public static UserProfile of(UUID id, String email, String name, String role, String timeZone, String phone,
            String preferredName, String pronouns, Instant asOf) {
        return new UserProfile(id, email, name, Role.valueOf(Objects.requireNonNull(role, "role")), timeZone, phone,
                preferredName, pronouns, asOf);
    }

    /** Only a client account can be connected to a freelancer. */
    public boolean isClient() {
        return role == Role.CLIENT;
    }
}
