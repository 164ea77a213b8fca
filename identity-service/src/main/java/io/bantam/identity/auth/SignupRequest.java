package io.bantam.identity.auth;

import io.bantam.identity.user.domain.Emails;
import io.bantam.identity.user.domain.Profile;
import io.bantam.service.security.Role;
import io.bantam.service.validation.IanaTimeZone;
import io.bantam.service.validation.StorableText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/auth/signup}; {@code timeZone} is optional and defaults to UTC. */
record SignupRequest(
        @NotBlank @Size(max = Emails.MAX_LENGTH) @Email(regexp = Emails.PATTERN) String email,
        @ValidPassword String password,
        @NotBlank @Size(max = Profile.NAME_MAX) @StorableText String name,
        @NotNull Role role,
        @IanaTimeZone String timeZone) {

    @Override
    public String toString() {
        return "SignupRequest[email=" + email + ", role=" + role + "]";
    }
}
