package io.bantam.identity.auth;

import io.bantam.identity.user.domain.Emails;
import io.bantam.service.validation.StorableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/auth/login}. Only bounded, not checked against the password policy: a wrong password is a
 * 401 like any other.
 */
record LoginRequest(
        @NotBlank @Size(max = Emails.MAX_LENGTH) @StorableText String email,
        @NotNull @Size(max = 1024) String password) {

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
