package io.bantam.identity.user.domain;

import io.bantam.service.patch.Patch;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a user asked to change in its profile. The name and the time zone can be replaced but not cleared;
 * phone, preferred name and pronouns can be set or cleared.
 */
public record ProfileChange(
        Patch<String> name,
        Patch<ZoneId> timeZone,
        Patch<String> phone,
        Patch<String> preferredName,
        Patch<String> pronouns) {

    public ProfileChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(preferredName, "preferredName");
        Objects.requireNonNull(pronouns, "pronouns");
        if (name instanceof Patch.Set<String> set && set.value() == null) {
            throw new IllegalArgumentException("name cannot be cleared");
        }
        if (timeZone instanceof Patch.Set<ZoneId> set && set.value() == null) {
            throw new IllegalArgumentException("timeZone cannot be cleared");
        }
    }

    public static ProfileChange none() {
        return new ProfileChange(Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep());
    }

    public ProfileChange withName(String value) {
        return new ProfileChange(Patch.set(value), timeZone, phone, preferredName, pronouns);
    }

    public ProfileChange withTimeZone(ZoneId value) {
        return new ProfileChange(name, Patch.set(value), phone, preferredName, pronouns);
    }

    public ProfileChange withPhone(String value) {
        return new ProfileChange(name, timeZone, Patch.set(value), preferredName, pronouns);
    }

    public ProfileChange withPreferredName(String value) {
        return new ProfileChange(name, timeZone, phone, Patch.set(value), pronouns);
    }

    public ProfileChange withPronouns(String value) {
        return new ProfileChange(name, timeZone, phone, preferredName, Patch.set(value));
    }
}
