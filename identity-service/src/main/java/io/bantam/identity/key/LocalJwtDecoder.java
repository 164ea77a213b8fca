package io.bantam.identity.key;

import io.bantam.service.security.JwtValidation;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/**
 * Verifies access tokens against this service's own keys, in memory, rather than over HTTP to its own JWKS.
 * The checks are every service's: RS256 only, a known {@code kid}, then issuer, audience, expiry, subject and
 * role ({@link JwtValidation}).
 */
public final class LocalJwtDecoder {

    private LocalJwtDecoder() {
    }

    public static ReactiveJwtDecoder create(SigningKeys keys, String issuer, String audience) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> Flux.fromIterable(keys.publicKeysWithId(jwt.getHeader().getKeyID())))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(JwtValidation.validator(issuer, audience));
        return decoder;
    }
}
