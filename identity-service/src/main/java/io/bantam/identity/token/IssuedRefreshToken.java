package io.bantam.identity.token;

import java.time.Instant;
import java.util.UUID;

/** A refresh token just issued: the value goes to the client once and is never stored. */
public record IssuedRefreshToken(String value, UUID familyId, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedRefreshToken[familyId=" + familyId + ", expiresAt=" + expiresAt + "]";
    }
}
