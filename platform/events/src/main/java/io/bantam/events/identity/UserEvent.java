package io.bantam.events.identity;

import io.bantam.events.BantamEvent;
import io.bantam.events.Topics;

/** The events on {@value Topics#IDENTITY_USERS}: each carries the user's whole profile after the change. */
public sealed interface UserEvent extends BantamEvent permits UserRegistered, UserProfileUpdated {

    UserSnapshot user();

    @Override
    default String topic() {
        return Topics.IDENTITY_USERS;
    }

    @Override
    default String key() {
        return user().id().toString();
    }
}
