package io.bantam.identity.user.web;

import io.bantam.identity.user.domain.User;
import io.bantam.service.security.Role;
import java.time.Instant;
import java.util.UUID;

/** The contract's {@code User}. Optional fields are present with {@code null} when unset. */
public record UserResponse(
        UUID id,
        String email,
        String name,
        Role role,
        String timeZone,
        String phone,
        String preferredName,
        String pronouns,
        Instant createdAt) {

    public static UserResponse of(User user) {
        return new UserResponse(user.id(), user.email(), user.name(), user.role(), user.timeZone().getId(),
                user.phone(), user.preferredName(), user.pronouns(), user.createdAt());
    }
}
