package io.bantam.events.identity;

import io.bantam.events.BantamEvent;
import io.bantam.events.Topics;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A new user signed up. On {@value Topics#IDENTITY_USERS}, keyed by user id. */
public record UserRegistered(UUID eventId, String type, Instant occurredAt, UserSnapshot user) implements UserEvent {

    public static final String TYPE = "UserRegistered";

    public UserRegistered {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(user, "user");
        if (!TYPE.equals(type)) {
            throw new IllegalArgumentException("type must be " + TYPE);
        }
    }

    public static UserRegistered of(UserSnapshot user, Instant occurredAt) {
        return new UserRegistered(UUID.randomUUID(), TYPE, occurredAt, user);
    }
}
