package io.bantam.identity.user.domain;

import io.bantam.service.security.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's account as the rest of the service sees it: who it is and its profile. The password hash is not
 * part of it (see {@link Credentials}).
 */
public record User(
        UUID id,
        String email,
        String name,
        Role role,
        ZoneId timeZone,
        String phone,
        String preferredName,
        String pronouns,
        Instant createdAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(createdAt, "createdAt");
        name = Profile.requireName(name);
        phone = Profile.optional("phone", phone, Profile.PHONE_MAX);
        preferredName = Profile.optional("preferredName", preferredName, Profile.PREFERRED_NAME_MAX);
        pronouns = Profile.optional("pronouns", pronouns, Profile.PRONOUNS_MAX);
    }

    /** A new user with an empty optional profile. */
    public static User register(UUID id, String email, String name, Role role, ZoneId timeZone, Instant now) {
        return new User(id, Emails.normalize(email), name, role, timeZone, null, null, null, now);
    }

    /** This user after the change; fields the change leaves alone keep their values. */
    public User apply(ProfileChange change) {
        return new User(id, email,
                change.name().applyTo(name),
                role,
                change.timeZone().applyTo(timeZone),
                change.phone().applyTo(phone),
                change.preferredName().applyTo(preferredName),
                change.pronouns().applyTo(pronouns),
                createdAt);
    }
}
