package io.bantam.identity.internal;

import io.bantam.identity.user.domain.User;
import io.bantam.identity.user.domain.UserVersion;
import io.bantam.service.security.Role;
import java.time.Instant;
import java.util.UUID;

/**
 * A user as other services learn it from the users topic (the fields of {@code UserSnapshot}), plus
 * {@code updatedAt}: the {@code occurredAt} of the latest event published for the user, to order the two sources.
 */
record InternalUserResponse(
        UUID id,
        String email,
        String name,
        Role role,
        String timeZone,
        String phone,
        String preferredName,
        String pronouns,
        Instant updatedAt) {

    static InternalUserResponse of(UserVersion version) {
        User user = version.user();
        return new InternalUserResponse(user.id(), user.email(), user.name(), user.role(), user.timeZone().getId(),
                user.phone(), user.preferredName(), user.pronouns(), version.updatedAt());
    }
}
