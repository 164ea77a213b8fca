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
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The weekly maximum and the buffers under concurrency: 20 simultaneous client requests, over real HTTP into a
 * real PostgreSQL, and exactly as many succeed as fit; the rest get their 4xx. The freelancer's booking lock
 * decides, not a check that another request could overtake.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(TestSecurity.class)
@WithPostgres
@WithKafka
class RulesRaceIT {

    static final int CONCURRENT = 20;

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

    long liveBookingsOf(User freelancer) {
        return db.sql("SELECT count(*) AS n FROM booking WHERE freelancer_id = :f AND cancelled_at IS NULL")
                .bind("f", freelancer.id())
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    @Test
    void twentySimultaneousBookingsOfOneClientUnderAMaximumOfTwoGiveExactlyTwo() {
        User freelancer = User.freelancer();
        User client = User.client();
        connect(freelancer, client);
        api.publishWeekdays(freelancer, "Europe/Berlin", "08:00", "18:00");
        api.put(freelancer, "/api/availability/rules", Map.of("maxBookingsPerWeek", 2)).expectStatus().isOk();
        // twenty disjoint times in one week: only the maximum stands between them
        List<Map<String, Object>> bodies = IntStream.range(0, CONCURRENT)
                .mapToObj(i -> Api.booking(client, freelancer, berlin(monday.plusDays(i % 5), "08:00")
                        .plus(Duration.ofMinutes(30L * (i / 5))), 30, "Weekly " + i))
                .toList();

        List<User> callers = IntStream.range(0, CONCURRENT).mapToObj(i -> client).toList();
        List<Answer> answers = Race.bookings(port, callers, bodies);

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(2);
        assertThat(answers.stream().filter(a -> a.status() == 422)).hasSize(CONCURRENT - 2)
                .allMatch(a -> "booking.limit-reached".equals(a.code()));
        assertThat(liveBookingsOf(freelancer)).isEqualTo(2);
    }

    @Test
    void twentySimultaneousBookingsWithinEachOthersBuffersGiveExactlyOne() {
        User freelancer = User.freelancer();
        List<User> clients = IntStream.range(0, CONCURRENT).mapToObj(i -> User.client()).toList();
        clients.forEach(c -> connect(freelancer, c));
        api.publishWeekdays(freelancer, "Europe/Berlin", "08:00", "18:00");
        api.put(freelancer, "/api/availability/rules", Map.of("bufferBeforeMinutes", 60, "bufferAfterMinutes", 60))
                .expectStatus().isOk();
        // twenty back-to-back five-minute times: none overlaps another, every one is inside the others' buffers
        List<Map<String, Object>> bodies = IntStream.range(0, CONCURRENT)
                .mapToObj(i -> Api.booking(clients.get(i), freelancer,
                        berlin(monday, "10:00").plus(Duration.ofMinutes(5L * i)), 5, "Buffered " + i))
                .toList();

        List<Answer> answers = Race.bookings(port, clients, bodies);

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() == 409)).hasSize(CONCURRENT - 1)
                .allMatch(a -> "booking.conflict".equals(a.code()) && "FREELANCER".equals(a.conflictingParty()));
        assertThat(liveBookingsOf(freelancer)).isEqualTo(1);
    }
}
