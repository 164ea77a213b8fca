package io.bantam.service.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A {@link ReactiveJwtDecoder} that remembers which tokens already passed their RS256 signature check, so a client
 * sending the same access token again and again (every request of a session) costs one RSA verification, not one
 * per request. Nothing else is skipped: the claims ({@link JwtValidation}: expiry, issuer, audience, subject, role)
 * are validated on every request, cached or not.
 *
 * <ul>
 *   <li>Bounded: at most {@code maximumSize} tokens (least recently used go first), so a flood of distinct tokens
 *       costs memory only up to that bound.</li>
 *   <li>An entry expires with its token ({@code exp}), at the latest after {@code maximumAge}; a token without
 *       {@code exp} is never cached (and the validator refuses it anyway).</li>
 *   <li>Only successes are cached: a forged or malformed token is checked, and refused, every time.</li>
 *   <li>{@link #keySetChanged()} empties it: called when the JWKS fetched from identity-service differs from the one
 *       before (a key rotated or withdrawn), so no token is trusted on a key that is gone. A verification running
 *       while the key set changes does not put its result in the emptied cache.</li>
 * </ul>
 *
 * The key is the whole compact token (signature included): two tokens share an entry only if they are the same
 * bytes, so a token with a changed payload or header never matches another's verified signature.
 */
public final class VerifiedSignatureCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder signatureVerifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<byte[]> lastKeySet = new AtomicReference<>();

    /**
     * @param signatureVerifier decodes and checks the signature only (its own claim validation off)
     * @param validator the claims every request must satisfy, run on every call
     * @param maximumSize how many verified tokens to remember
     * @param maximumAge how long one is remembered at most, whatever its {@code exp}
     */
    public VerifiedSignatureCache(ReactiveJwtDecoder signatureVerifier, OAuth2TokenValidator<Jwt> validator,
            long maximumSize, Duration maximumAge, Clock clock) {
        this.signatureVerifier = signatureVerifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> {
                    Instant expiry = jwt.getExpiresAt();
                    Duration left = expiry == null ? Duration.ZERO : Duration.between(clock.instant(), expiry);
                    return left.isNegative() ? Duration.ZERO : left.compareTo(maximumAge) > 0 ? maximumAge : left;
                }))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return Mono.fromCallable(() -> validate(known));
        }
        long before = generation.get();
        return signatureVerifier.decode(token).map(jwt -> {
            Jwt valid = validate(jwt);
            if (jwt.getExpiresAt() != null) {
                verified.put(token, jwt);
                if (generation.get() != before) {
                    // the key set changed while this token was verified: it may have been verified with a key that
                    // is gone now, so it must not outlive the emptying
                    verified.invalidate(token);
                }
            }
            return valid;
        });
    }

    private Jwt validate(Jwt jwt) {
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            OAuth2Error first = result.getErrors().iterator().next();
            String description = first.getDescription() == null ? "Invalid token" : first.getDescription();
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: " + description,
                    result.getErrors());
        }
        return jwt;
    }

    /** The JWKS document was fetched again: empties the cache if it is not the one fetched before. */
    public void keySetFetched(byte[] document) {
        byte[] previous = lastKeySet.getAndSet(document.clone());
        if (previous != null && !Arrays.equals(previous, document)) {
            keySetChanged();
        }
    }

    /** Forgets every verified signature. */
    public void keySetChanged() {
        generation.incrementAndGet();
        verified.invalidateAll();
    }

    /** How many verified tokens are remembered now (approximate, for tests and metrics). */
    public long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
