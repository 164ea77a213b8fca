package io.bantam.booking.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Requests for bookings sent all at once, each on its own connection, over real HTTP to the service at a port:
 * for the tests that race them (the database or a lock must decide, never a check another request can overtake).
 */
public final class Race {

    /** One answer: its status, and the problem's {@code code} and {@code conflictingParty} when it has them. */
    public record Answer(int status, String code, String conflictingParty) {
    }

    private Race() {
    }

    /** {@code POST /api/bookings} with each body by the caller at the same position, all at once; the answers. */
    public static List<Answer> bookings(int port, List<User> callers, List<Map<String, Object>> bodies) {
        WebClient client = WebClient.create("http://localhost:" + port);
        return Flux.range(0, callers.size())
                .flatMap(i -> client.post().uri("/api/bookings")
                        .headers(h -> h.setBearerAuth(callers.get(i).token()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(bodies.get(i))
                        .exchangeToMono(response -> response.bodyToMono(Map.class)
                                .defaultIfEmpty(Map.of())
                                .map(body -> new Answer(response.statusCode().value(), (String) body.get("code"),
                                        (String) body.get("conflictingParty")))), callers.size())
                .collectList()
                .block(Duration.ofSeconds(60));
    }
}
