package io.bantam.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Signs access tokens the way identity-service does (RS256, {@code kid}, issuer, audience, subject, role, expiry),
 * with keys made for the test JVM. A service's tests verify them with service-defaults' production validators
 * through {@code io.bantam.service.testsupport.TestSecurity}.
 */
public final class TestTokens {

    public static final RSAKey KEY = generate("test-key");
    public static final RSAKey OTHER_KEY = generate("other-key");
    public static final String ISSUER = "bantam-identity";
    public static final String AUDIENCE = "bantam-api";

    private TestTokens() {
    }

    public static String freelancer(UUID id) {
        return token(id, "FREELANCER");
    }

    public static String client(UUID id) {
        return token(id, "CLIENT");
    }

    public static String token(UUID subject, String role) {
        return sign(KEY, claims(subject, role, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(15))));
    }

    public static JWTClaimsSet claims(UUID subject, String role, String issuer, String audience, Instant expiry) {
        return new JWTClaimsSet.Builder()
                .subject(subject.toString())
                .issuer(issuer)
                .audience(audience)
                .claim("role", role)
                .issueTime(new Date())
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    public static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
