package io.bantam.booking.calendar.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret in a calendar feed's address. A token is HMAC-SHA256(server key, user id and a random nonce), 256 bits
 * written as 43 base64url characters: the same for as long as the nonce stays (every call answers the same address),
 * a new one when the nonce is replaced (a reset). The database keeps the nonce and the token's SHA-256, never the
 * token: a copy of it without the server key yields no working address. A presented token is found by its hash and
 * then compared with the one derived again, in constant time.
 */
public final class FeedTokens {

    /** Bytes of a nonce. */
    public static final int NONCE_BYTES = 16;

    private static final String MAC = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param serverKey the server's secret (from configuration); at least 16 bytes */
    public FeedTokens(String serverKey) {
        Objects.requireNonNull(serverKey, "serverKey");
        byte[] bytes = serverKey.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 16) {
            throw new IllegalArgumentException("the calendar feed key must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(bytes, MAC);
    }

    public static byte[] newNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** The token of {@code user}'s feed while its nonce is {@code nonce}. */
    public String token(UUID user, byte[] nonce) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            mac.update(user.toString().getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            mac.update(nonce);
            return BASE64URL.encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** What the database keeps to find a token's feed: its SHA-256. */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether {@code presented} is {@code user}'s token with {@code nonce}, compared in constant time. */
    public boolean matches(String presented, UUID user, byte[] nonce) {
        return MessageDigest.isEqual(token(user, nonce).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Whether {@code text} can be a token at all (43 base64url characters): anything else is not looked up.
     */
    public static boolean wellFormed(String text) {
        if (text == null || text.length() != 43) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
