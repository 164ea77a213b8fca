package io.bantam.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Access tokens as identity-service issues them (RS256, key id, issuer, audience, role), and bad ones. */
final class TestTokens {

    static final String ISSUER = "bantam-identity";
    static final String AUDIENCE = "bantam-api";

    private final RSAKey key = generate("test-key");
    private final RSAKey otherKey = generate("test-key");

    /** The public half, as served at {@code /.well-known/jwks.json}. */
    String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    String valid() {
        return validFor(UUID.randomUUID().toString());
    }

    /** A valid token of the given user (the token's subject). */
    String validFor(String subject) {
        return sign(key, subject, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(15)));
    }

    String expired() {
        return sign(key, ISSUER, AUDIENCE, Instant.now().minus(Duration.ofMinutes(5)));
    }

    String wrongAudience() {
        return sign(key, ISSUER, "someone-else", Instant.now().plus(Duration.ofMinutes(15)));
    }

    /** Same key id, another key: what a forger would send. */
    String signedByAnotherKey() {
        return sign(otherKey, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(15)));
    }

    private static String sign(RSAKey key, String issuer, String audience, Instant expiresAt) {
        return sign(key, UUID.randomUUID().toString(), issuer, audience, expiresAt);
    }

    private static String sign(RSAKey key, String subject, String issuer, String audience, Instant expiresAt) {
        Instant issuedAt = expiresAt.minus(Duration.ofMinutes(15));
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .audience(audience)
                .claim("role", "FREELANCER")
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
