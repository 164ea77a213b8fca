package io.bantam.identity.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token lifetimes. Issuer and audience are {@code bantam.security.jwt.*}, the same properties every service
 * checks tokens against.
 *
 * @param accessTokenTtl how long an access token is valid; the contract allows at most 15 minutes
 * @param refreshTokenTtl how long a refresh token is valid after it is issued
 */
@ConfigurationProperties("bantam.identity.tokens")
public record TokenProperties(
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl) {

    public static final Duration MAX_ACCESS_TOKEN_TTL = Duration.ofMinutes(15);

    public TokenProperties {
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero()
                || accessTokenTtl.compareTo(MAX_ACCESS_TOKEN_TTL) > 0) {
            throw new IllegalArgumentException("access-token-ttl must be positive and at most 15 minutes");
        }
        if (refreshTokenTtl.isNegative() || refreshTokenTtl.isZero()) {
            throw new IllegalArgumentException("refresh-token-ttl must be positive");
        }
    }
}
