package io.bantam.identity.token.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The opaque refresh token a client holds: 256 random bits, URL-safe base64 without padding (43 characters).
 * Only its SHA-256 {@link #hash} is stored, so a copy of the database grants no session. A plain hash (not a
 * slow one) is right here: the value has 256 bits of entropy, there is nothing to brute-force.
 */
public final class RefreshTokenValue {

    public static final int BYTES = 32;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private RefreshTokenValue() {
    }

    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** The stored form of a token: hex SHA-256 of its characters. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
