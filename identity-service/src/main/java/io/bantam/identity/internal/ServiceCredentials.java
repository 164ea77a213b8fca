package io.bantam.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The shared service credentials the internal API accepts. Compared in constant time: both sides are hashed
 * first (SHA-256), so neither the content nor the length of an accepted credential shows in the time a refusal
 * takes, and every accepted credential is compared, matching or not.
 */
final class ServiceCredentials {

    /** 128 bits of randomness as hex, base64 or a passphrase: anything shorter is a mistake. */
    static final int MIN_LENGTH = 16;

    private final List<byte[]> accepted;

    ServiceCredentials(List<String> tokens) {
        this.accepted = tokens.stream()
                .map(String::strip)
                .filter(token -> !token.isEmpty())
                .map(ServiceCredentials::requireStrong)
                .map(ServiceCredentials::digest)
                .toList();
    }

    /** Whether any credential is configured; without one the internal API is off. */
    boolean enabled() {
        return !accepted.isEmpty();
    }

    boolean accepts(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] digest = digest(presented);
        boolean match = false;
        for (byte[] candidate : accepted) {
            match |= MessageDigest.isEqual(candidate, digest);
        }
        return match;
    }

    private static String requireStrong(String token) {
        if (token.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("A service token (bantam.internal.service-tokens, BANTAM_INTERNAL_TOKEN)"
                    + " must have at least " + MIN_LENGTH + " characters");
        }
        return token;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
