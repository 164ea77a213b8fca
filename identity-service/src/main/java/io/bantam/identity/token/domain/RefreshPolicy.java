package io.bantam.identity.token.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long refresh tokens live. Each rotation issues a token good for {@code ttl} from then, so an active
 * user stays logged in and an idle one is logged out after {@code ttl}.
 */
public record RefreshPolicy(Duration ttl) {

    public RefreshPolicy {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("refresh token ttl must be positive");
        }
    }

    public Instant expiryFor(Instant issuedAt) {
        return issuedAt.plus(ttl);
    }
}
