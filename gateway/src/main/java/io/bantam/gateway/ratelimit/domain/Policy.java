package io.bantam.gateway.ratelimit.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A rate limit as the generic cell rate algorithm (GCRA) sees it: requests may arrive {@code perMinute} times a
 * minute on average, and up to {@code burst} of them at once. The state per key is one instant, the theoretical
 * arrival time (TAT): when the key's budget would be whole again. A request at {@code now} is allowed when
 * {@code TAT <= now + slack}, and then moves the TAT to {@code max(TAT, now) + interval}; a refused request
 * changes nothing.
 *
 * <p>Compared with the fixed windows identity-service counts logins in: no burst of twice the limit across a
 * window boundary, one timestamp per key instead of a counter per window, and the wait is exact.
 *
 * @param name what the policy is called in keys, metrics and logs ({@code writes}, {@code auth})
 * @param perMinute sustained requests per minute, at least 1
 * @param burst requests allowed at once from a full budget, at least 1
 */
public record Policy(String name, int perMinute, int burst) {

    private static final long MICROS_PER_MINUTE = 60_000_000L;

    public Policy {
        Objects.requireNonNull(name, "name");
        if (perMinute < 1 || perMinute > MICROS_PER_MINUTE) {
            throw new IllegalArgumentException(name + ": per-minute must be between 1 and " + MICROS_PER_MINUTE);
        }
        if (burst < 1) {
            throw new IllegalArgumentException(name + ": burst must be at least 1");
        }
    }

    /** The emission interval: how far each allowed request moves the TAT (microseconds, PostgreSQL's precision). */
    public long intervalMicros() {
        return MICROS_PER_MINUTE / perMinute;
    }

    /** How far ahead of now the TAT may be for a request to be allowed: room for {@code burst - 1} more. */
    public long slackMicros() {
        return (burst - 1) * intervalMicros();
    }

    /** The key this policy counts a request under, e.g. {@code writes:<user id>}. */
    public Bucket bucket(String subject) {
        return new Bucket(this, name + ":" + subject);
    }

    /**
     * The verdict for a request the store allowed.
     *
     * @param tat the TAT after this request
     * @param now the store's clock when it decided
     */
    public Verdict allowed(Instant tat, Instant now) {
        long ahead = micros(now, tat);  // > 0: this request moved the TAT to at least now + interval
        long remaining = Math.max(0, (slackMicros() + intervalMicros() - ahead) / intervalMicros());
        return new Verdict(true, this, remaining, seconds(ahead), Duration.ZERO);
    }

    /**
     * The verdict for a request the store refused.
     *
     * @param tat the TAT as stored (unchanged by this request), or null when the row was not visible
     * @param now the store's clock when it decided
     */
    public Verdict limited(Instant tat, Instant now) {
        long ahead = tat == null ? slackMicros() + intervalMicros() : micros(now, tat);
        long wait = Math.max(1, ahead - slackMicros());  // until TAT <= now + slack
        return new Verdict(false, this, 0, seconds(ahead), Duration.ofSeconds(seconds(wait)));
    }

    private static long micros(Instant from, Instant to) {
        Duration between = Duration.between(from, to);
        return between.getSeconds() * 1_000_000L + between.getNano() / 1_000;
    }

    /** Whole seconds, rounded up, never negative. */
    private static long seconds(long micros) {
        return Math.max(0, Math.floorDiv(micros + 999_999, 1_000_000));
    }
}
