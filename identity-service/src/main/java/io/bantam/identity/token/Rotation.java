package io.bantam.identity.token;

import io.bantam.identity.token.domain.RefreshToken.Verdict;
import java.util.UUID;

/** What presenting a refresh token came to. */
public sealed interface Rotation {

    /** The token was good: here is its successor in the same family. */
    record Rotated(UUID userId, IssuedRefreshToken next) implements Rotation {
    }

    /**
     * The token was refused.
     *
     * @param verdict why; {@code null} when no such token exists
     */
    record Refused(Verdict verdict) implements Rotation {

        public boolean reused() {
            return verdict == Verdict.REUSED;
        }
    }
}
