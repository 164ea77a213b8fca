package io.bantam.identity.token;

import io.bantam.identity.token.domain.RefreshPolicy;
import io.bantam.identity.token.domain.RefreshToken.Verdict;
import io.bantam.identity.token.domain.RefreshTokenValue;
import io.bantam.identity.token.persistence.RefreshTokenStore;
import io.bantam.identity.token.persistence.RefreshTokenStore.RevokeReason;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Refresh tokens with rotation and reuse detection. A login opens a family; each refresh uses its token up and
 * issues the next one in the family. The use is decided under a row lock, so of two concurrent refreshes with
 * one token exactly one succeeds, and the other is seen as reuse. A reused token ends its whole family: the
 * thief's copy and the victim's current token stop working together.
 */
@Service
public class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    /** How long expired tokens are kept, so that presenting one still says "expired", not "unknown". */
    private static final Duration KEEP_EXPIRED = Duration.ofDays(1);

    private final RefreshTokenStore store;
    private final RefreshPolicy policy;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(RefreshTokenStore store, TokenProperties properties, Clock clock) {
        this.store = store;
        this.policy = new RefreshPolicy(properties.refreshTokenTtl());
        this.clock = clock;
    }

    /** Opens a new family (a login) for the user, with its first token. */
    @Transactional
    public Mono<IssuedRefreshToken> open(UUID userId) {
        Instant now = now();
        UUID familyId = UUID.randomUUID();
        return store.insertFamily(familyId, userId, now).then(issue(familyId, now));
    }

    /** Exchanges a token for its successor, or says why not. Reuse revokes the family, and that commits. */
    @Transactional
    public Mono<Rotation> rotate(String presented) {
        Instant now = now();
        return store.findByHashForUpdate(RefreshTokenValue.hash(presented))
                .flatMap(token -> switch (token.judge(now)) {
                    case USABLE -> store.markUsed(token.id(), now)
                            .then(issue(token.familyId(), now))
                            .map(next -> (Rotation) new Rotation.Rotated(token.userId(), next));
                    case REUSED -> {
                        log.warn("Refresh token reused: ending login family {} of user {}", token.familyId(),
                                token.userId());
                        yield store.revokeFamily(token.familyId(), RevokeReason.REUSE, now)
                                .thenReturn((Rotation) new Rotation.Refused(Verdict.REUSED));
                    }
                    case REVOKED, EXPIRED -> Mono.just((Rotation) new Rotation.Refused(token.judge(now)));
                })
                .defaultIfEmpty(new Rotation.Refused(null));
    }

    /** Ends the family (the login) the token belongs to. Unknown tokens are ignored: logout is idempotent. */
    @Transactional
    public Mono<Void> revoke(String presented) {
        return store.revokeFamilyOf(RefreshTokenValue.hash(presented), RevokeReason.LOGOUT, now());
    }

    @Scheduled(initialDelay = 1, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
    Mono<Void> deleteExpired() {
        return store.deleteExpiredBefore(now().minus(KEEP_EXPIRED))
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Deleted {} expired refresh tokens", count);
                    }
                })
                .then();
    }

    private Mono<IssuedRefreshToken> issue(UUID familyId, Instant now) {
        String value = RefreshTokenValue.generate(random);
        Instant expiresAt = policy.expiryFor(now);
        return store.insertToken(UUID.randomUUID(), familyId, RefreshTokenValue.hash(value), now, expiresAt)
                .thenReturn(new IssuedRefreshToken(value, familyId, expiresAt));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
