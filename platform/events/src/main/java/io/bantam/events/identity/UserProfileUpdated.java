package io.bantam.events.identity;

import io.bantam.events.BantamEvent;
import io.bantam.events.Topics;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A user changed its profile. Carries the whole profile after the change, so a consumer never merges partial updates. On {@value Topics#IDENTITY_USERS}, keyed by user id. */
public record UserProfileUpdated(UUID eventId, String type, Instant occurredAt, UserSnapshot user) implements UserEvent {

    public static final String TYPE = "UserProfileUpdated";

    public UserProfileUpdated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(user, "user");
        if (!TYPE.equals(type)) {
            throw new IllegalArgumentException("type must be " + TYPE);
        }
    }

    public static UserProfileUpdated of(UserSnapshot user, Instant occurredAt) {
        return new UserProfileUpdated(UUID.randomUUID(), TYPE, occurredAt, user);
    }
}
