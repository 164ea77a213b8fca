package io.bantam.identity.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/auth/refresh} and {@code POST /api/auth/logout}. */
record RefreshTokenRequest(@NotBlank @Size(max = 512) String refreshToken) {

    @Override
    public String toString() {
        return "RefreshTokenRequest[]";
    }
}
