package io.bantam.identity.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/auth/refresh} and {@code POST /api/auth/logout}. The token is required by the JSON contract
 * and absent in a browser session (the cookie carries it), so {@link AuthController} checks its presence.
 */
record RefreshTokenRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "required, except in a browser session (`Bantam-Session: cookie`)")
        @Size(max = 512) String refreshToken) {

    @Override
    public String toString() {
        return "RefreshTokenRequest[]";
    }
}
