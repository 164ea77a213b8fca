package io.bantam.identity.user.web;

import io.bantam.identity.user.domain.Profile;
import io.bantam.identity.user.domain.ProfileChange;
import io.bantam.identity.user.domain.TimeZones;
import io.bantam.service.patch.Patch;
import io.bantam.service.validation.IanaTimeZone;
import io.bantam.service.validation.StorableText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PATCH /api/users/me}, with merge-patch semantics ({@link Patch}): a member that is absent
 * leaves its field alone, an explicit {@code null} clears an optional field; the name and the time zone cannot be
 * cleared ({@code @NotNull}, a 400 naming the field).
 */
record PatchMeRequest(
        Patch<@NotNull @Size(min = 1, max = Profile.NAME_MAX)
                @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @StorableText String> name,

        Patch<@NotNull @IanaTimeZone String> timeZone,

        Patch<@Size(max = Profile.PHONE_MAX)
                @Pattern(regexp = Profile.PHONE_PATTERN, message = "must be a phone number such as +44 20 7946 0000")
                String> phone,

        Patch<@Size(max = Profile.PREFERRED_NAME_MAX) @StorableText String> preferredName,

        Patch<@Size(max = Profile.PRONOUNS_MAX) @StorableText String> pronouns) {

    /** The change asked for; bean validation has checked each value (and refused a null that cannot clear). */
    ProfileChange toChange() {
        return new ProfileChange(name, timeZone.map(TimeZones::orDefault), phone, preferredName, pronouns);
    }
}
