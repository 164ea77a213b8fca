package io.bantam.booking.calendar;

import static io.bantam.booking.support.Times.berlin;
import static io.bantam.booking.support.Times.mondayAhead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.bantam.booking.calendar.domain.FeedTokens;
import io.bantam.booking.support.Api;
import io.bantam.booking.support.User;
import io.bantam.events.identity.UserRegistered;
import io.bantam.events.identity.UserSnapshot;
import io.bantam.events.relationships.RelationshipCreated;
import io.bantam.service.testsupport.TestSecurity;
import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calendar feeds on a real PostgreSQL and Kafka, read as a calendar app would: parsed back with ical4j and with
 * biweekly, an independent parser. Names come from the users topic, the right to book from the relationships topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bantam.calendar.public-base-url=https://bantam.example/",
        "bantam.calendar.users.group-id=calendar-test-${random.uuid}"})
@AutoConfigureWebTestClient
@Import(TestSecurity.class)
@WithPostgres
@WithKafka
class CalendarFeedIT {

    static final Duration WITHIN = Duration.ofSeconds(30);
    /** The contract: a change shows in the feed within 5 seconds. */
    static final Duration CHANGE_SHOWS_WITHIN = Duration.ofSeconds(5);

    @Autowired
    WebTestClient web;
    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    DatabaseClient db;

    Api api;
    final User freelancer = User.freelancer();
    final User client = User.client();
    final LocalDate monday = mondayAhead();

    @BeforeEach
    void connectedWithNames() {
        api = new Api(web);
        named(freelancer, "Grace Hopper");
        named(client, "Zoë Ångström-Çelik");
        kafka.send("bantam.relationships.v1", freelancer.id().toString(), json.writeValueAsString(
                RelationshipCreated.of(UUID.randomUUID(), freelancer.id(), client.id(), Instant.now()))).join();
        await().atMost(WITHIN).until(() -> api.post(freelancer, "/api/bookings",
                Api.booking(freelancer, client, berlin(monday, "07:00"), 15, "Warm-up"))
                .returnResult(String.class).getStatus().value() == 201);
        await().atMost(WITHIN).until(() -> name(freelancer) && name(client));
    }

    @Test
    void theAddressIsAbsoluteStableUntilResetAndTheOldOneDiesAtOnce() {
        String url = feedUrl(freelancer);

        assertThat(url).matches("https://bantam\\.example/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(feedUrl(freelancer)).isEqualTo(url);
        assertThat(feedUrl(client)).isNotEqualTo(url);
        web.get().uri(path(url)).exchange().expectStatus().isOk();

        String renewed = api.post(freelancer, "/api/calendar/feed/reset", Map.of()).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("url").toString();

        assertThat(renewed).isNotEqualTo(url);
        assertThat(feedUrl(freelancer)).isEqualTo(renewed);
        web.get().uri(path(url)).exchange().expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
        web.get().uri(path(renewed)).exchange().expectStatus().isOk();
    }

    @Test
    void theDatabaseAloneHoldsNoWorkingAddress() {
        String token = token(feedUrl(freelancer));

        Map<String, Object> row = db.sql("SELECT * FROM calendar_feed WHERE user_id = :id").bind("id", freelancer.id())
                .fetch().one().block(Duration.ofSeconds(5));

        assertThat(row.values()).noneMatch(value -> (value instanceof java.nio.ByteBuffer buffer
                ? new String(bytes(buffer), StandardCharsets.ISO_8859_1) : value.toString()).contains(token));
        assertThat(bytes(row.get("token_hash"))).isEqualTo(FeedTokens.hash(token));
        // the same user and nonce under another server key give another token
        assertThat(new FeedTokens("another-server-key-of-32-bytes!!").token(freelancer.id(), bytes(row.get("nonce"))))
                .isNotEqualTo(token);
    }

    @Test
    void bothPartiesSeeTheBookingWithTheOtherPartysNameAsCalendarAppsParseIt() throws Exception {
        String title = "Kick-off; planning, and a very long title to fold: " + "ÄÖÜ ß € 🎉 ".repeat(12);
        Map<String, Object> body = Api.booking(freelancer, client, berlin(monday, "10:00"), 60, title);
        body.put("location", "Studio, 2nd floor; ring \"Bantam\"\nthen up");
        String id = created(api.post(freelancer, "/api/bookings", body));

        String freelancersFeed = feed(freelancer);
        String clientsFeed = feed(client);

        for (String text : List.of(freelancersFeed, clientsFeed)) {
            assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nVERSION:2.0\r\n")
                    .contains("\r\nCALSCALE:GREGORIAN\r\n").contains("\r\nPRODID:");
            for (String line : text.split("\r\n")) {
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            }
        }
        Calendar calendar = new CalendarBuilder().build(new StringReader(freelancersFeed));
        net.fortuna.ical4j.model.component.VEvent event = ical4jEvent(calendar, id);
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue())
                .isEqualTo(title + " with Zoë Ångström-Çelik");
        assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue())
                .isEqualTo("Studio, 2nd floor; ring \"Bantam\"\nthen up");
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue())
                .isEqualTo(utc(berlin(monday, "10:00")));
        assertThat(event.getProperty(Property.DTEND).orElseThrow().getValue()).isEqualTo(utc(berlin(monday, "11:00")));
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");
        assertThat(event.getProperty(Property.DTSTAMP)).isPresent();
        assertThat(event.getProperty(Property.LAST_MODIFIED)).isPresent();

        ICalendar parsed = Biweekly.parse(clientsFeed).first();
        VEvent seen = biweeklyEvent(parsed, id);
        assertThat(seen.getSummary().getValue()).isEqualTo(title + " with Grace Hopper");
        assertThat(seen.getLocation().getValue()).isEqualTo("Studio, 2nd floor; ring \"Bantam\"\nthen up");
        assertThat(seen.getDateStart().getValue().toInstant()).isEqualTo(berlin(monday, "10:00"));
        assertThat(seen.getDateEnd().getValue().toInstant()).isEqualTo(berlin(monday, "11:00"));
        assertThat(seen.getSequence().getValue()).isZero();
        assertThat(parsed.getVersion().getVersion()).isEqualTo("2.0");
        assertThat(parsed.validate(biweekly.ICalVersion.V2_0).isEmpty()).as(parsed.validate(biweekly.ICalVersion.V2_0)
                .toString()).isTrue();
    }

    @Test
    void aRescheduleAndACancellationShowWithinFiveSecondsWithARisingSequence() throws Exception {
        String id = api.book(freelancer, client, berlin(monday, "12:00"), 30);
        assertThat(biweeklyEvent(Biweekly.parse(feed(client)).first(), id).getSequence().getValue()).isZero();

        api.patch(freelancer, "/api/bookings/{id}", Map.of("start", berlin(monday, "14:00").toString()), id)
                .expectStatus().isOk();

        await().atMost(CHANGE_SHOWS_WITHIN).untilAsserted(() -> {
            VEvent moved = biweeklyEvent(Biweekly.parse(feed(freelancer)).first(), id);
            assertThat(moved.getDateStart().getValue().toInstant()).isEqualTo(berlin(monday, "14:00"));
            assertThat(moved.getSequence().getValue()).isEqualTo(1);
        });

        api.delete(freelancer, "/api/bookings/{id}", id).expectStatus().isNoContent();

        await().atMost(CHANGE_SHOWS_WITHIN).untilAsserted(() -> {
            for (User party : List.of(freelancer, client)) {
                VEvent cancelled = biweeklyEvent(Biweekly.parse(feed(party)).first(), id);
                assertThat(cancelled.getStatus().isCancelled()).isTrue();
                assertThat(cancelled.getSequence().getValue()).isEqualTo(2);
            }
        });
        api.get(client, "/api/bookings/{id}/ics", id).expectStatus().isNotFound();
    }

    @Test
    void theFeedSpansThirtyOneDaysBackToAYearAheadAndForgetsOldCancellations() throws Exception {
        String recent = api.book(freelancer, client, berlin(monday, "08:00"), 15);
        String old = api.book(freelancer, client, berlin(monday, "08:30"), 15);
        String longCancelled = api.book(freelancer, client, berlin(monday, "09:00"), 15);
        api.delete(freelancer, "/api/bookings/{id}", longCancelled).expectStatus().isNoContent();
        String far = api.book(freelancer, client, berlin(monday.plusDays(400), "09:00"), 15);
        shift(recent, "now() - interval '20 days'", null);
        shift(old, "now() - interval '40 days'", null);
        shift(longCancelled, "now() + interval '2 days'", "now() - interval '32 days'");

        String text = feed(freelancer);

        assertThat(text).contains("UID:" + recent).doesNotContain("UID:" + old).doesNotContain("UID:" + longCancelled)
                .doesNotContain("UID:" + far);
    }

    @Test
    void anUnchangedFeedIs304ForItsEtagAndAChangedOneIsNot() {
        api.book(freelancer, client, berlin(monday, "15:00"), 30);
        String path = path(feedUrl(client));
        EntityExchangeResult<String> first = web.get().uri(path).exchange().expectStatus().isOk()
                .expectHeader().contentType("text/calendar;charset=UTF-8")
                .expectBody(String.class).returnResult();
        String etag = first.getResponseHeaders().getETag();
        assertThat(etag).startsWith("\"");

        web.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectBody().isEmpty();
        web.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, "\"other\", " + etag).exchange()
                .expectStatus().isNotModified();

        api.book(freelancer, client, berlin(monday, "16:00"), 30);

        EntityExchangeResult<String> changed = web.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        assertThat(changed.getResponseHeaders().getETag()).isNotEqualTo(etag);
        assertThat(changed.getResponseBody()).isNotEqualTo(first.getResponseBody());

        // the other party's new name changes the feed (its SUMMARY) too
        String secondEtag = changed.getResponseHeaders().getETag();
        UserRegistered renamed = UserRegistered.of(new UserSnapshot(freelancer.id(), freelancer.id() + "@example.com",
                "Grace Brewster Hopper", "FREELANCER", "Europe/Berlin", null, null, null), Instant.now());
        kafka.send(renamed.topic(), renamed.key(), json.writeValueAsString(renamed)).join();
        await().atMost(WITHIN).untilAsserted(() -> {
            EntityExchangeResult<String> named = web.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, secondEtag)
                    .exchange().expectStatus().isOk().expectBody(String.class).returnResult();
            assertThat(named.getResponseBody()).contains("with Grace Brewster Hopper");
        });
    }

    @Test
    void aBookingsCalendarFileIsForItsPartiesOnly() throws Exception {
        String id = api.book(freelancer, client, berlin(monday, "13:00"), 45);

        for (User party : List.of(freelancer, client)) {
            String text = api.get(party, "/api/bookings/{id}/ics", id).expectStatus().isOk()
                    .expectHeader().contentType("text/calendar;charset=UTF-8")
                    .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; .*\\.ics\"")
                    .expectBody(String.class).returnResult().getResponseBody();
            ICalendar parsed = Biweekly.parse(text).first();
            assertThat(parsed.getEvents()).singleElement()
                    .satisfies(event -> assertThat(event.getUid().getValue()).isEqualTo(id));
        }
        api.get(User.freelancer(), "/api/bookings/{id}/ics", id).expectStatus().isNotFound();
        api.get(User.client(), "/api/bookings/{id}/ics", id).expectStatus().isNotFound();
        api.get(client, "/api/bookings/{id}/ics", UUID.randomUUID()).expectStatus().isNotFound();
        web.get().uri("/api/bookings/{id}/ics", id).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aFeedShowsOnlyItsOwnersBookingsAndUnknownAddressesAre404() {
        User stranger = User.freelancer();
        String id = api.book(freelancer, client, berlin(monday, "11:00"), 30);

        assertThat(feed(stranger)).doesNotContain("BEGIN:VEVENT");
        assertThat(feed(client)).contains("UID:" + id);
        web.get().uri("/api/calendar/feed").exchange().expectStatus().isUnauthorized();
        for (String unknown : List.of("/calendar/" + "A".repeat(43) + ".ics", "/calendar/short.ics",
                "/calendar/" + token(feedUrl(stranger)).substring(1) + "x.ics")) {
            web.get().uri(unknown).exchange().expectStatus().isNotFound();
        }
    }

    private static byte[] bytes(Object column) {
        java.nio.ByteBuffer buffer = ((java.nio.ByteBuffer) column).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private void named(User user, String name) {
        UserRegistered event = UserRegistered.of(new UserSnapshot(user.id(), user.id() + "@example.com", name,
                user.role(), "Europe/Berlin", null, null, null), Instant.now());
        kafka.send(event.topic(), event.key(), json.writeValueAsString(event)).join();
    }

    private boolean name(User user) {
        return Boolean.TRUE.equals(db.sql("SELECT EXISTS (SELECT 1 FROM calendar_user WHERE id = :id) AS known")
                .bind("id", user.id()).map(row -> row.get("known", Boolean.class)).one().block(Duration.ofSeconds(5)));
    }

    private void shift(String bookingId, String start, String cancelledAt) {
        db.sql("UPDATE booking SET start_at = " + start + ", end_at = " + start + " + interval '15 minutes'"
                        + (cancelledAt == null ? "" : ", cancelled_at = " + cancelledAt) + " WHERE id = :id")
                .bind("id", UUID.fromString(bookingId)).then().block(Duration.ofSeconds(5));
    }

    private String feedUrl(User user) {
        return api.get(user, "/api/calendar/feed").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("url").toString();
    }

    private String feed(User user) {
        return web.get().uri(path(feedUrl(user))).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static String path(String url) {
        return url.substring("https://bantam.example".length());
    }

    private static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
    }

    private static String created(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")
                .toString();
    }

    private static String utc(Instant instant) {
        return instant.toString().replace("-", "").replace(":", "").replace(".000", "");
    }

    private static net.fortuna.ical4j.model.component.VEvent ical4jEvent(Calendar calendar, String id) {
        return calendar.<net.fortuna.ical4j.model.component.VEvent>getComponents("VEVENT").stream()
                .filter(event -> event.getProperty(Property.UID).orElseThrow().getValue().equals(id))
                .findFirst().orElseThrow();
    }

    private static VEvent biweeklyEvent(ICalendar calendar, String id) {
        return calendar.getEvents().stream().filter(event -> event.getUid().getValue().equals(id)).findFirst()
                .orElseThrow();
    }
}
