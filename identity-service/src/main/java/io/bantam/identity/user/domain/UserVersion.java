package io.bantam.identity.user.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A user as of its latest change. {@code updatedAt} is the {@code occurredAt} of the latest event published for
 * the user ({@code UserRegistered} or {@code UserProfileUpdated}), so a service that keeps a projection can order
 * what a lookup tells it against what it reads from the users topic.
 */
public record UserVersion(User user, Instant updatedAt) {

    public UserVersion {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
