package io.bantam.identity.token.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored refresh token: one link of a login's chain. Every refresh uses the presented token up and issues
 * the next one in the same family; a family is one login (signup or login), ended by logout or by reuse.
 *
 * @param usedAt when it was exchanged for the next token, or null while it is the family's current one
 * @param familyRevoked whether its family was ended (logout, or a reused token)
 */
public record RefreshToken(UUID id, UUID familyId, UUID userId, Instant expiresAt, Instant usedAt,
        boolean familyRevoked) {

    public RefreshToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** What presenting this token at {@code now} means. */
    public Verdict judge(Instant now) {
        if (usedAt != null) {
            // checked first: a used token presented again is a stolen copy or a replay, whatever else holds
            return Verdict.REUSED;
        }
        if (familyRevoked) {
            return Verdict.REVOKED;
        }
        if (!now.isBefore(expiresAt)) {
            return Verdict.EXPIRED;
        }
        return Verdict.USABLE;
    }

    public enum Verdict {
        /** Exchange it for a new token of the same family. */
        USABLE,
        /** Already exchanged once: end the whole family. */
        REUSED,
        /** Its family was ended (logout or reuse). */
        REVOKED,
        /** Past its expiry. */
        EXPIRED
    }
}
