package io.bantam.booking.calendar;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.bantam.booking.calendar.domain.FeedTokens;
import io.bantam.booking.calendar.domain.IcsCalendar;
import io.bantam.booking.calendar.persistence.CalendarStore;
import io.bantam.service.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Calendar feeds: each user's private address (made on first use, replaced by a reset) and what it serves, every
 * booking of the user from {@code past} ago to {@code ahead}, cancelled ones for {@code cancelledFor}.
 *
 * <p>Every request asks the database for the feed's fingerprint (one aggregate row over the same bookings: ids,
 * sequences, last changes, cancellations, names), so a change shows at once, on every replica. The ETag derives from
 * it: an unchanged feed is a 304 without reading its bookings, and a full answer comes from a small per-replica cache
 * of rendered feeds while the fingerprint is unchanged; only a changed feed is read and written again.
 */
@Service
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarService {

    /** Part of every feed's ETag: a change to how feeds are written changes every ETag too. */
    static final String RENDERING = "ics-1";

    private final CalendarStore store;
    private final FeedTokens tokens;
    private final CalendarProperties properties;
    private final Clock clock;
    private final Cache<UUID, Document> rendered = Caffeine.newBuilder().maximumSize(256).build();

    CalendarService(CalendarStore store, CalendarProperties properties, Clock clock) {
        this.store = store;
        this.tokens = new FeedTokens(properties.feedKey());
        this.properties = properties;
        this.clock = clock;
    }

    /** A calendar document (UTF-8) and its entity tag. */
    public record Document(byte[] body, String etag) {

        static Document of(String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return new Document(bytes, tag(bytes));
        }
    }

    /** A feed as it stands: whose, its ETag, and the window it was taken in. */
    public record FeedVersion(UUID user, String etag, Instant now) {
    }

    /** The caller's feed address, made on first use. */
    public Mono<String> feedUrl(UUID user) {
        return store.feedOf(user)
                .switchIfEmpty(Mono.defer(() -> {
                    byte[] nonce = FeedTokens.newNonce();
                    return store.createFeed(user, nonce, FeedTokens.hash(tokens.token(user, nonce)), now());
                }))
                .map(feed -> properties.feedUrl(tokens.token(feed.userId(), feed.nonce())));
    }

    /** A new address for the caller's feed; the old one is unknown from now on. */
    public Mono<String> resetFeed(UUID user) {
        byte[] nonce = FeedTokens.newNonce();
        String token = tokens.token(user, nonce);
        return store.replaceFeed(user, nonce, FeedTokens.hash(token), now()).thenReturn(properties.feedUrl(token));
    }

    /** The current version of the feed of {@code token}; 404 for a token that is not (or no longer) a feed's. */
    public Mono<FeedVersion> version(String token) {
        if (!FeedTokens.wellFormed(token)) {
            return Mono.error(CalendarService::unknownFeed);
        }
        return store.feedByHash(FeedTokens.hash(token))
                .filter(feed -> tokens.matches(token, feed.userId(), feed.nonce()))
                .switchIfEmpty(Mono.error(CalendarService::unknownFeed))
                .flatMap(feed -> {
                    Instant now = clock.instant();
                    return store.fingerprint(feed.userId(), from(now), to(now), cancelledSince(now))
                            .map(fingerprint -> new FeedVersion(feed.userId(),
                                    tag((RENDERING + ":" + fingerprint).getBytes(StandardCharsets.UTF_8)), now));
                });
    }

    /** The feed of that version: from the cache while it is current, else read and written anew. */
    public Mono<Document> feed(FeedVersion version) {
        Document cached = rendered.getIfPresent(version.user());
        if (cached != null && cached.etag().equals(version.etag())) {
            return Mono.just(cached);
        }
        Instant now = version.now();
        return store.entries(version.user(), from(now), to(now), cancelledSince(now))
                .collectList()
                .publishOn(Schedulers.parallel())
                .map(entries -> {
                    Document document = new Document(
                            IcsCalendar.write("Bantam", entries).getBytes(StandardCharsets.UTF_8), version.etag());
                    rendered.put(version.user(), document);
                    return document;
                });
    }

    /** One live booking of the caller as a calendar file; 404 when it is not the caller's. */
    public Mono<Document> booking(UUID user, UUID bookingId) {
        return store.entry(user, bookingId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("There is no such booking among yours.")))
                .map(entry -> Document.of(IcsCalendar.write(null, List.of(entry))));
    }

    private Instant from(Instant now) {
        return now.minus(properties.past());
    }

    private Instant to(Instant now) {
        return now.plus(properties.ahead());
    }

    private Instant cancelledSince(Instant now) {
        return now.minus(properties.cancelledFor());
    }

    static String tag(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static ApiException unknownFeed() {
        return ApiException.notFound("There is no such calendar feed.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
