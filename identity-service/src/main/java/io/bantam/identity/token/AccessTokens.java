package io.bantam.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.bantam.identity.key.SigningKeys;
import io.bantam.identity.user.domain.User;
import io.bantam.service.security.BantamSecurityProperties;
import io.bantam.service.security.JwtValidation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Issues access tokens: RS256 JWTs with a {@code kid} header and the claims {@code iss}, {@code aud},
 * {@code sub} (user id), {@code role}, {@code iat}, {@code exp} and {@code jti}.
 */
@Component
public class AccessTokens {

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Duration ttl;
    private final Clock clock;

    @Autowired
    AccessTokens(SigningKeys keys, BantamSecurityProperties security, TokenProperties tokens, Clock clock) {
        this(keys, security.jwt().issuer(), security.jwt().audience(), tokens.accessTokenTtl(), clock);
    }

    AccessTokens(SigningKeys keys, String issuer, String audience, Duration ttl, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.ttl = ttl;
        this.clock = clock;
    }

    public AccessToken issue(User user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        RSAKey key = keys.current();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(user.id().toString())
                .claim(JwtValidation.ROLE_CLAIM, user.role().name())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token with key " + key.getKeyID(), e);
        }
        return new AccessToken(jwt.serialize(), ttl);
    }
}
