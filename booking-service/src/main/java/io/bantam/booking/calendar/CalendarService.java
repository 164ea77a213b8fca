package io.bantam.booking.calendar;

import io.bantam.booking.calendar.domain.FeedTokens;
import io.bantam.booking.calendar.domain.IcsCalendar;
import io.bantam.booking.calendar.persistence.CalendarStore;
import io.bantam.booking.calendar.persistence.CalendarStore.Feed;
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
 * booking of the user from {@code past} ago to {@code ahead}, cancelled ones for {@code cancelledFor}. A feed is
 * read from the bookings table on every request, so a change shows at once; its ETag is a hash of the very bytes
 * served.
 */
@Service
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarService {

    private final CalendarStore store;
    private final FeedTokens tokens;
    private final CalendarProperties properties;
    private final Clock clock;

    CalendarService(CalendarStore store, CalendarProperties properties, Clock clock) {
        this.store = store;
        this.tokens = new FeedTokens(properties.feedKey());
        this.properties = properties;
        this.clock = clock;
    }

    /** A calendar document and its entity tag. */
    public record Document(String body, String etag) {

        static Document of(String body) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
                return new Document(body,
                        "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
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

    /** The feed of {@code token}; 404 for a token that is not (or no longer) a feed's. */
    public Mono<Document> feed(String token) {
        if (!FeedTokens.wellFormed(token)) {
            return Mono.error(CalendarService::unknownFeed);
        }
        return store.feedByHash(FeedTokens.hash(token))
                .filter(feed -> tokens.matches(token, feed.userId(), feed.nonce()))
                .switchIfEmpty(Mono.error(CalendarService::unknownFeed))
                .flatMap(feed -> {
                    Instant now = clock.instant();
                    return store.entries(feed.userId(), now.minus(properties.past()), now.plus(properties.ahead()),
                                    now.minus(properties.cancelledFor()))
                            .collectList();
                })
                .publishOn(Schedulers.parallel())
                .map(entries -> Document.of(IcsCalendar.write("Bantam", entries)));
    }

    /** One live booking of the caller as a calendar file; 404 when it is not the caller's. */
    public Mono<Document> booking(UUID user, UUID bookingId) {
        return store.entry(user, bookingId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("There is no such booking among yours.")))
                .map(entry -> Document.of(IcsCalendar.write(null, List.of(entry))));
    }

    private static ApiException unknownFeed() {
        return ApiException.notFound("There is no such calendar feed.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

}
