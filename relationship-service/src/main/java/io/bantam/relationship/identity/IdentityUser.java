package io.bantam.relationship.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.bantam.relationship.profile.domain.UserProfile;
import java.time.Instant;
import java.util.UUID;

/**
 * identity-service's answer to {@code GET /internal/users}. Read leniently: a field identity-service adds later
 * is not a breaking change.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record IdentityUser(UUID id, String email, String name, String role, String timeZone, String phone,
        String preferredName, String pronouns, Instant updatedAt) {

    /** @throws IllegalArgumentException (or {@link NullPointerException}) for an answer that is not a whole user */
    UserProfile toProfile() {
        return UserProfile.of(id, email, name, role, timeZone, phone, preferredName, pronouns, updatedAt);
    }
}
