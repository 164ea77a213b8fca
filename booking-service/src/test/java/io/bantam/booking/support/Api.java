package io.bantam.booking.support;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** The booking API as a caller uses it, over HTTP. */
public final class Api {

    private final WebTestClient web;

    public Api(WebTestClient web) {
        // the default 5 seconds is too short for a first request on a machine busy with other builds
        this.web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    public ResponseSpec get(User caller, String uri, Object... variables) {
        return web.get().uri(uri, variables).headers(h -> h.setBearerAuth(caller.token())).exchange();
    }

    public ResponseSpec post(User caller, String uri, Object body) {
        return web.post().uri(uri).headers(h -> h.setBearerAuth(caller.token()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public ResponseSpec put(User caller, String uri, Object body) {
        return web.put().uri(uri).headers(h -> h.setBearerAuth(caller.token()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public ResponseSpec patch(User caller, String uri, Object body, Object... variables) {
        return web.patch().uri(uri, variables).headers(h -> h.setBearerAuth(caller.token()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public ResponseSpec delete(User caller, String uri, Object... variables) {
        return web.delete().uri(uri, variables).headers(h -> h.setBearerAuth(caller.token())).exchange();
    }

    /** Publishes Monday to Friday, {@code start}–{@code end} in {@code zone}. */
    public void publishWeekdays(User freelancer, String zone, String start, String end) {
        List<Map<String, String>> weekly = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
                .map(day -> Map.of("day", day, "start", start, "end", end))
                .toList();
        put(freelancer, "/api/availability", Map.of("timeZone", zone, "weekly", weekly)).expectStatus().isOk();
    }

    /** A booking body: the counterpart under the field the caller's role uses. */
    public static Map<String, Object> booking(User caller, User counterpart, Instant start, int minutes, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("FREELANCER".equals(caller.role()) ? "clientId" : "freelancerId", counterpart.id().toString());
        body.put("start", start.toString());
        body.put("durationMinutes", minutes);
        body.put("title", title);
        return body;
    }

    /** Books and answers the new booking's id; fails unless the answer is 201. */
    public String book(User caller, User counterpart, Instant start, int minutes) {
        return post(caller, "/api/bookings", booking(caller, counterpart, start, minutes, "Session"))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }
}
