package io.bantam.identity.user.persistence;

import io.bantam.identity.user.domain.Credentials;
import io.bantam.identity.user.domain.User;
import io.bantam.identity.user.domain.UserVersion;
import io.bantam.service.security.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A row of {@code user_account}. Never leaves this package: the rest of the service sees {@link User}. */
record UserRow(
        UUID id,
        String email,
        String passwordHash,
        String name,
        String role,
        String timeZone,
        String phone,
        String preferredName,
        String pronouns,
        Instant createdAt,
        Instant updatedAt) {

    static UserRow of(User user, String passwordHash, Instant updatedAt) {
        return new UserRow(user.id(), user.email(), passwordHash, user.name(), user.role().name(),
                user.timeZone().getId(), user.phone(), user.preferredName(), user.pronouns(), user.createdAt(),
                updatedAt);
    }

    User toUser() {
        return new User(id, email, name, Role.valueOf(role), ZoneId.of(timeZone), phone, preferredName, pronouns,
                createdAt);
    }

    UserVersion toVersion() {
        return new UserVersion(toUser(), updatedAt);
    }

    Credentials toCredentials() {
        return new Credentials(toUser(), passwordHash);
    }

    @Override
    public String toString() {
        return "UserRow[id=" + id + "]";
    }
}
