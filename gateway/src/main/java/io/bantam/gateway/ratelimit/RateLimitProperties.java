package io.bantam.gateway.ratelimit;

import io.bantam.gateway.ratelimit.domain.Policies;
import io.bantam.gateway.ratelimit.domain.Policy;
import io.bantam.service.address.ClientAddresses;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's rate limits. Every property has an environment form by Spring's relaxed binding, e.g.
 * {@code BANTAM_GATEWAY_RATELIMITS_WRITES_PERMINUTE} for {@code bantam.gateway.rate-limits.writes.per-minute}.
 *
 * @param enabled whether requests are limited at all
 * @param writes per user: POST, PUT, PATCH and DELETE with a token; default 120 a minute, 60 at once
 * @param auth per client address: the public {@code /api/auth/**} endpoints; default 30 a minute, 20 at once
 * @param connect per user, on top of {@code writes}: {@code POST /api/relationships} (connecting by email tells
 *     whether the email is a client's); default 1 a minute, 20 at once
 * @param lookups per client address: failed look-ups of a calendar feed's secret address (404); default 30 a
 *     minute, 20 at once
 * @param timeout how long a request waits for the limiter's database before it goes on unchecked
 * @param trustedProxies addresses or CIDR ranges whose {@code X-Forwarded-For} entry is believed (the ingress
 *     controller's pods); {@code TRUSTED_PROXIES} in application.yml
 */
@ConfigurationProperties("bantam.gateway.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        Rate writes,
        Rate auth,
        Rate connect,
        Rate lookups,
        @DefaultValue("250ms") Duration timeout,
        @DefaultValue List<String> trustedProxies) {

    public RateLimitProperties {
        writes = Rate.orDefaults(writes, 120, 60);
        auth = Rate.orDefaults(auth, 30, 20);
        connect = Rate.orDefaults(connect, 1, 20);
        lookups = Rate.orDefaults(lookups, 30, 20);
        trustedProxies = List.copyOf(trustedProxies);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("bantam.gateway.rate-limits.timeout must be positive");
        }
        // nonsense (a burst of 0, a host name for a range) fails the start, not the first request
        policies(writes, auth, connect, lookups);
        ClientAddresses.trusting(trustedProxies);
    }

    Policies policies() {
        return policies(writes, auth, connect, lookups);
    }

    private static Policies policies(Rate writes, Rate auth, Rate connect, Rate lookups) {
        return new Policies(writes.toPolicy("writes"), auth.toPolicy("auth"), connect.toPolicy("connect"),
                lookups.toPolicy("lookups"));
    }

    ClientAddresses clientAddresses() {
        return ClientAddresses.trusting(trustedProxies);
    }

    /**
     * @param perMinute sustained requests a minute
     * @param burst requests at once from a full budget
     */
    public record Rate(Integer perMinute, Integer burst) {

        static Rate orDefaults(Rate rate, int perMinute, int burst) {
            if (rate == null) {
                return new Rate(perMinute, burst);
            }
            return new Rate(rate.perMinute == null ? perMinute : rate.perMinute,
                    rate.burst == null ? burst : rate.burst);
        }

        Policy toPolicy(String name) {
            return new Policy(name, perMinute, burst);
        }
    }
}
