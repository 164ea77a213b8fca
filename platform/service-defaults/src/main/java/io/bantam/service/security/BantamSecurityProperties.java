package io.bantam.service.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks callers.
 *
 * @param publicPaths path patterns anyone may call without a token (health and API docs are always public)
 * @param protectedPaths path patterns that need a valid token; anything else is left to the routing
 *     (the gateway sets {@code /api/**}, so an unknown path is a 404, not a 401)
 * @param jwt how access tokens are verified
 */
@ConfigurationProperties("bantam.security")
public record BantamSecurityProperties(
        @DefaultValue List<String> publicPaths,
        @DefaultValue("/**") List<String> protectedPaths,
        @DefaultValue Jwt jwt) {

    /**
     * @param jwksUri where identity-service serves its public keys
     * @param issuer the {@code iss} every token must carry
     * @param audience a value the token's {@code aud} must contain
     * @param cacheSize how many tokens whose signature was verified are remembered ({@link VerifiedSignatureCache});
     *     0 verifies every signature on every request
     * @param cacheMaximumAge how long a verified signature is remembered at most (never beyond the token's expiry)
     */
    public record Jwt(
            @DefaultValue("http://localhost:8081/.well-known/jwks.json") String jwksUri,
            @DefaultValue("bantam-identity") String issuer,
            @DefaultValue("bantam-api") String audience,
            @DefaultValue("4096") long cacheSize,
            @DefaultValue("15m") java.time.Duration cacheMaximumAge) {
    }
}
