package io.bantam.booking;

import static io.bantam.booking.support.Times.berlin;
import static io.bantam.booking.support.Times.mondayAhead;
import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.booking.support.Api;
import io.bantam.booking.support.Race;
import io.bantam.booking.support.Race.Answer;
import io.bantam.booking.support.User;
import io.bantam.events.relationships.RelationshipCreated;
import io.bantam.service.relationship.RelationshipProjection;
import io.bantam.service.testsupport.TestSecurity;
import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * No double booking, by the database: many simultaneous requests for overlapping times, over real HTTP into a
 * real PostgreSQL, and exactly one wins. Afterwards the table itself is checked for overlaps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(TestSecurity.class)
@WithPostgres
@WithKafka
class DoubleBookingIT {

    static final int CONCURRENT = 50;

    @Autowired
    WebTestClient web;
    @Autowired
    RelationshipProjection relationships;
    @Autowired
    DatabaseClient db;
    @LocalServerPort
    int port;

    Api api;
    final LocalDate monday = mondayAhead();

    @BeforeEach
    void setUp() {
        api = new Api(web);
    }

    void connect(User f, User c) {
        relationships.apply(RelationshipCreated.of(UUID.randomUUID(), f.id(), c.id(), Instant.now())).block();
    }

    @Test
    void fiftySimultaneousOverlappingBookingsOfOneFreelancerGiveExactlyOneBooking() {
        User freelancer = User.freelancer();
        List<User> clients = IntStream.range(0, CONCURRENT).mapToObj(i -> User.client()).toList();
        clients.forEach(c -> connect(freelancer, c));
        api.publishWeekdays(freelancer, "Europe/Berlin", "08:00", "18:00");
        // every request overlaps every other: starts a minute apart, an hour long
        List<Map<String, Object>> bodies = IntStream.range(0, CONCURRENT)
                .mapToObj(i -> Api.booking(clients.get(i), freelancer, berlin(monday, "10:00").plusSeconds(60L * i), 60,
                        "Rush " + i))
                .toList();

        List<Answer> answers = Race.bookings(port, clients, bodies);

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() == 409)).hasSize(CONCURRENT - 1)
                .allMatch(a -> "FREELANCER".equals(a.conflictingParty()));
        assertThat(bookingsOf(freelancer)).isEqualTo(1);
        assertNoOverlapInTheTable();
    }

    @Test
    void fiftySimultaneousOverlappingBookingsOfOneClientWithDifferentFreelancersGiveExactlyOneBooking() {
        User client = User.client();
        List<User> freelancers = IntStream.range(0, CONCURRENT).mapToObj(i -> User.freelancer()).toList();
        freelancers.forEach(f -> connect(f, client));
        List<Map<String, Object>> bodies = IntStream.range(0, CONCURRENT)
                .mapToObj(i -> Api.booking(freelancers.get(i), client, berlin(monday, "14:00").plusSeconds(60L * i), 60,
                        "Rush " + i))
                .toList();

        List<Answer> answers = Race.bookings(port, freelancers, bodies);

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() == 409)).hasSize(CONCURRENT - 1)
                .allMatch(a -> "CLIENT".equals(a.conflictingParty()));
        assertThat(bookingsOf(client)).isEqualTo(1);
        assertNoOverlapInTheTable();
    }

    @Test
    void simultaneousBookingsOfDisjointTimesAllSucceed() {
        User freelancer = User.freelancer();
        List<User> clients = IntStream.range(0, 20).mapToObj(i -> User.client()).toList();
        clients.forEach(c -> connect(freelancer, c));
        List<Map<String, Object>> bodies = IntStream.range(0, 20)
                .mapToObj(i -> Api.booking(freelancer, clients.get(i),
                        berlin(monday.plusDays(2), "08:00").plusSeconds(30L * 60 * i), 30, "Back to back " + i))
                .toList();

        List<Answer> answers = Race.bookings(port, IntStream.range(0, 20).mapToObj(i -> freelancer).toList(), bodies);

        assertThat(answers).allMatch(a -> a.status() == 201);
        assertNoOverlapInTheTable();
    }

    @Test
    void aRescheduleIntoAConflictIsRefusedAndChangesNothing() {
        User freelancer = User.freelancer();
        User client = User.client();
        User otherClient = User.client();
        connect(freelancer, client);
        connect(freelancer, otherClient);
        api.book(freelancer, client, berlin(monday.plusDays(1), "10:00"), 60);
        String moving = api.book(freelancer, otherClient, berlin(monday.plusDays(1), "12:00"), 60);
        Map<?, ?> before = api.get(freelancer, "/api/bookings/{id}", moving).expectBody(Map.class).returnResult()
                .getResponseBody();
        List<String> rowsBefore = participantRows();

        api.patch(freelancer, "/api/bookings/{id}", Map.of("start", berlin(monday.plusDays(1), "10:30").toString(),
                        "title", "Moved"), moving)
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("booking.conflict")
                .jsonPath("$.conflictingParty").isEqualTo("FREELANCER");

        Map<?, ?> after = api.get(freelancer, "/api/bookings/{id}", moving).expectBody(Map.class).returnResult()
                .getResponseBody();
        assertThat(after).isEqualTo(before);
        assertThat(participantRows()).isEqualTo(rowsBefore);
    }

    @Test
    void simultaneousReschedulesIntoTheSameTimeLeaveExactlyOneThere() {
        User freelancer = User.freelancer();
        List<User> clients = IntStream.range(0, 20).mapToObj(i -> User.client()).toList();
        clients.forEach(c -> connect(freelancer, c));
        List<String> ids = IntStream.range(0, 20)
                .mapToObj(i -> api.book(freelancer, clients.get(i), berlin(monday.plusDays(3), "06:00")
                        .plusSeconds(3600L * i), 30))
                .toList();
        WebClient http = WebClient.create("http://localhost:" + port);
        String target = berlin(monday.plusDays(4), "10:00").toString();

        List<Integer> statuses = Flux.fromIterable(ids)
                .flatMap(id -> http.patch().uri("/api/bookings/{id}", id)
                        .headers(h -> h.setBearerAuth(freelancer.token()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("start", target))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())),
                        ids.size())
                .collectList().block(Duration.ofSeconds(60));

        assertThat(statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting())))
                .containsOnly(Map.entry(200, 1L), Map.entry(409, 19L));
        assertNoOverlapInTheTable();
    }

    long bookingsOf(User user) {
        return db.sql("SELECT count(*) FROM booking_participant WHERE user_id = :user")
                .bind("user", user.id()).mapValue(Long.class).one().block();
    }

    List<String> participantRows() {
        return db.sql("SELECT booking_id::text || party || user_id::text || during::text AS r FROM booking_participant"
                        + " ORDER BY 1")
                .mapValue(String.class).all().collectList().block();
    }

    /** The table's own verdict, independent of the constraint: no user holds two overlapping ranges. */
    void assertNoOverlapInTheTable() {
        Long overlapping = db.sql("""
                        SELECT count(*) FROM booking_participant a
                          JOIN booking_participant b
                            ON a.user_id = b.user_id AND a.booking_id < b.booking_id AND a.during && b.during""")
                .mapValue(Long.class).one().block();
        assertThat(overlapping).isZero();
        Long mismatched = db.sql("""
                        SELECT count(*) FROM booking b JOIN booking_participant p ON p.booking_id = b.id
                         WHERE p.during <> tstzrange(b.start_at, b.end_at, '[)')""")
                .mapValue(Long.class).one().block();
        assertThat(mismatched).isZero();
    }
}
