package io.bantam.identity.ratelimit.domain;

import java.time.Duration;
import java.util.Objects;

/** Whether an attempt may go ahead; when it may not, how long until it may. */
public record Decision(boolean allowed, Duration retryAfter) {

    public static final Decision ALLOWED = new Decision(true, Duration.ZERO);

    public Decision {
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public static Decision limited(Duration retryAfter) {
        return new Decision(false, retryAfter);
    }

    /** Allowed only when both allow; when limited, wait until both allow again. */
    public Decision and(Decision other) {
        if (allowed && other.allowed) {
            return ALLOWED;
        }
        Duration wait = retryAfter.compareTo(other.retryAfter) >= 0 ? retryAfter : other.retryAfter;
        return limited(wait);
    }
}
