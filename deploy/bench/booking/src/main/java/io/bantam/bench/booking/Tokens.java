package io.bantam.bench.booking;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Stands in for identity-service: an RS256 key, a JWKS endpoint the service fetches it from
 * ({@code IDENTITY_URL}), and access tokens with the claims identity-service issues. Plain JDK, so the
 * benchmark exercises the service's real token path (JWKS fetch, signature, issuer, audience, role).
 */
final class Tokens implements AutoCloseable {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String KEY_ID = "bench-key";

    private final KeyPair keys;
    private final HttpServer jwks;

    Tokens() throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        byte[] body = ("{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID
                + "\",\"n\":\"" + B64.encodeToString(unsigned(publicKey.getModulus())) + "\",\"e\":\""
                + B64.encodeToString(unsigned(publicKey.getPublicExponent())) + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
    }

    /** What the service gets as {@code IDENTITY_URL}. */
    String identityUrl() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort();
    }

    /**
     * An access token for the user. Valid for three hours, not fifteen minutes as identity-service's are, so one
     * token lasts the whole run (the service checks that it has not expired, not how long it was valid).
     */
    String token(UUID user, String role) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
        String claims = "{\"sub\":\"" + user + "\",\"iss\":\"bantam-identity\",\"aud\":[\"bantam-api\"],\"role\":\""
                + role + "\",\"iat\":" + now + ",\"exp\":" + (now + 3 * 3600) + ",\"jti\":\"" + UUID.randomUUID()
                + "\"}";
        String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    @Override
    public void close() {
        jwks.stop(0);
    }
}
