package io.bantam.identity.ratelimit.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A fixed-window counter limit: at most {@code maxAttempts} in each window of {@code length}, windows aligned
 * on the epoch so every replica computes the same window for the same instant. Simple and exact to store (one
 * counter per key and window); its known weakness, up to twice the limit across a window boundary, is
 * acceptable for login throttling.
 */
public record FixedWindow(int maxAttempts, Duration length) {

    public FixedWindow {
        Objects.requireNonNull(length, "length");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (length.toMillis() < 1000) {
            throw new IllegalArgumentException("window must be at least one second");
        }
    }

    public Instant startOf(Instant now) {
        long size = length.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), size) * size);
    }

    public Instant endOf(Instant now) {
        return startOf(now).plus(length);
    }

    /**
     * The decision once an attempt has been counted: {@code attempts} is the window's count including this
     * attempt.
     */
    public Decision decide(long attempts, Instant now) {
        if (attempts <= maxAttempts) {
            return Decision.ALLOWED;
        }
        return Decision.limited(retryAfter(now));
    }

    /** Whole seconds until the window ends, at least one: what {@code Retry-After} says. */
    Duration retryAfter(Instant now) {
        long millis = Duration.between(now, endOf(now)).toMillis();
        return Duration.ofSeconds(Math.max(1, Math.floorDiv(millis + 999, 1000)));
    }
}
