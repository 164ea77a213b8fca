package io.bantam.booking;

import static io.bantam.booking.support.Times.berlin;
import static io.bantam.booking.support.Times.mondayAhead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.booking.support.User;
import io.bantam.events.relationships.RelationshipCreated;
import io.bantam.service.relationship.RelationshipProjection;
import io.bantam.service.testsupport.TestSecurity;
import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A booking request that PostgreSQL aborts to break a real deadlock (SQLSTATE 40P01) on the real exclusion
 * constraint is tried again as a whole transaction (service-defaults' transaction retry), and then answers as if
 * it had simply lost the race: 409 when the other transaction committed, 201 when it rolled back; never a 500, and
 * never an event written twice.
 *
 * <p>How the deadlock is made, deterministically, with a second connection ("the rival") that holds its
 * transaction open between statements:
 * <ol>
 * <li>the rival inserts a booking of the same freelancer and client and its <em>client</em> row, and waits;</li>
 * <li>the request inserts its booking, the freelancer's row, then the client's row, which collides with the
 * rival's uncommitted row: the request waits for the rival (seen in {@code pg_stat_activity});</li>
 * <li>the rival inserts its <em>freelancer</em> row, which collides with the request's uncommitted one: the rival
 * waits for the request. A cycle: after {@code deadlock_timeout} (1 s) the backend that has waited longer, the
 * request's, finds it and is aborted with 40P01; the rival's insert goes through.</li>
 * </ol>
 * This is the cycle PostgreSQL's exclusion constraints allow (each backend enters its index entry first, then waits
 * for a conflicting uncommitted one), the one that made {@code DoubleBookingIT} answer a 500 once. Had the rival
 * been the victim instead (it waited less than 1 s after the request only if this machine stalled), the round proves
 * nothing and is played again with new users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestSecurity.class)
@WithPostgres
@WithKafka
class DeadlockRetryIT {

    static final String DEADLOCK = "40P01";
    static final int ROUNDS = 5;
    static final ParameterizedTypeReference<Map<String, Object>> BODY = new ParameterizedTypeReference<>() {
    };

    @Autowired
    RelationshipProjection relationships;
    @Autowired
    DatabaseClient db;
    @LocalServerPort
    int port;
    @Value("${spring.flyway.url}")
    String jdbcUrl;
    @Value("${spring.flyway.user}")
    String jdbcUser;
    @Value("${spring.flyway.password}")
    String jdbcPassword;

    final Instant start = berlin(mondayAhead().plusDays(1), "10:00");

    record Answer(int status, Map<String, Object> body) {
    }

    /** What one round ended with. {@code requestWasTheVictim} is false when the rival was aborted instead. */
    record Round(User freelancer, User client, UUID rivalBooking, boolean requestWasTheVictim, Answer answer) {
    }

    @Test
    void aRequestAbortedByADeadlockIsTriedAgainAndMeetsTheCommittedWinner409() throws Exception {
        Round round = deadlockRound(true);

        assertThat(round.answer().status()).isEqualTo(409);
        assertThat(round.answer().body()).containsEntry("code", "booking.conflict")
                .containsEntry("conflictingParty", "FREELANCER");
        // only the rival's booking exists, and the table has no overlap
        assertThat(bookingIdsOf(round.freelancer())).containsExactly(round.rivalBooking());
        assertNoOverlapInTheTable();
        // exactly one event: the winner's; no attempt of the request left one behind
        assertThat(eventIdsFor(round.freelancer())).hasSize(1);
        assertThat(eventPayloadsFor(round.freelancer())).singleElement().asString()
                .contains(round.rivalBooking().toString());
    }

    @Test
    void aRequestAbortedByADeadlockIsTriedAgainAndSucceedsOnceWhenTheOtherRollsBack() throws Exception {
        Round round = deadlockRound(false);

        assertThat(round.answer().status()).isEqualTo(201);
        String id = (String) round.answer().body().get("id");
        assertThat(bookingIdsOf(round.freelancer())).containsExactly(UUID.fromString(id));
        assertNoOverlapInTheTable();
        // the aborted attempt wrote nothing that stayed; the successful one wrote its event once
        assertThat(eventPayloadsFor(round.freelancer())).singleElement().asString()
                .contains("BookingCreated").contains(id);
    }

    /** Plays rounds until the request is the deadlock's victim (the first, unless the machine stalls for 1 s). */
    Round deadlockRound(boolean rivalCommits) throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            Round round = playRound(rivalCommits);
            if (round.requestWasTheVictim()) {
                return round;
            }
        }
        throw new AssertionError("in " + ROUNDS + " rounds the request was never the deadlock's victim");
    }

    Round playRound(boolean rivalCommits) throws Exception {
        User freelancer = User.freelancer();
        User client = User.client();
        relationships.apply(RelationshipCreated.of(UUID.randomUUID(), freelancer.id(), client.id(), Instant.now()))
                .block();
        UUID rivalBooking = UUID.randomUUID();
        Instant end = start.plus(Duration.ofHours(1));
        try (Connection rival = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
             Connection observer = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
            rival.setAutoCommit(false);
            int rivalPid = pid(rival);
            insertBooking(rival, rivalBooking, freelancer, client, end);
            holdTime(rival, rivalBooking, "CLIENT", client.id(), end);

            CompletableFuture<Answer> request = book(freelancer, client);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> waitingOnALock(observer, rivalPid));

            CompletableFuture<SQLException> closingTheCycle = CompletableFuture.supplyAsync(() -> {
                try {
                    holdTime(rival, rivalBooking, "FREELANCER", freelancer.id(), end);
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            SQLException rivalFailure = closingTheCycle.get(30, TimeUnit.SECONDS);
            boolean requestWasTheVictim = rivalFailure == null;
            if (!requestWasTheVictim) {
                assertThat(rivalFailure.getSQLState()).isEqualTo(DEADLOCK);
            }
            if (rivalCommits && requestWasTheVictim) {
                recordEvent(rival, rivalBooking, freelancer);
                rival.commit();
            } else {
                rival.rollback();
            }
            return new Round(freelancer, client, rivalBooking, requestWasTheVictim,
                    request.get(30, TimeUnit.SECONDS));
        }
    }

    CompletableFuture<Answer> book(User freelancer, User client) {
        return WebClient.create("http://localhost:" + port).post().uri("/api/bookings")
                .headers(h -> h.setBearerAuth(freelancer.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("clientId", client.id().toString(), "start", start.toString(),
                        "durationMinutes", 60, "title", "Racing"))
                .exchangeToMono(response -> response.bodyToMono(BODY).defaultIfEmpty(Map.of())
                        .map(body -> new Answer(response.statusCode().value(), body)))
                .toFuture();
    }

    /** Whether a backend other than the rival waits for a lock while inserting a booking's time. */
    static boolean waitingOnALock(Connection observer, int rivalPid) throws SQLException {
        try (PreparedStatement query = observer.prepareStatement("""
                SELECT count(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND pid <> ? AND wait_event_type = 'Lock'
                   AND query LIKE '%INSERT INTO booking_participant%'""")) {
            query.setInt(1, rivalPid);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    static int pid(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT pg_backend_pid()");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    void insertBooking(Connection rival, UUID id, User freelancer, User client, Instant end) throws SQLException {
        try (PreparedStatement insert = rival.prepareStatement("""
                INSERT INTO booking (id, freelancer_id, client_id, title, start_at, end_at, created_by, created_at,
                                     updated_at)
                VALUES (?, ?, ?, 'Rival', ?, ?, ?, now(), now())""")) {
            insert.setObject(1, id);
            insert.setObject(2, freelancer.id());
            insert.setObject(3, client.id());
            insert.setObject(4, utc(start));
            insert.setObject(5, utc(end));
            insert.setObject(6, freelancer.id());
            insert.executeUpdate();
        }
    }

    void holdTime(Connection rival, UUID booking, String party, UUID user, Instant end) throws SQLException {
        try (PreparedStatement insert = rival.prepareStatement("""
                INSERT INTO booking_participant (booking_id, party, user_id, during)
                VALUES (?, ?, ?, tstzrange(CAST(? AS timestamptz), CAST(? AS timestamptz), '[)'))""")) {
            insert.setObject(1, booking);
            insert.setString(2, party);
            insert.setObject(3, user);
            insert.setObject(4, utc(start));
            insert.setObject(5, utc(end));
            insert.executeUpdate();
        }
    }

    /** The winner's event, as booking-service records it: keyed by the freelancer. */
    static void recordEvent(Connection rival, UUID booking, User freelancer) throws SQLException {
        try (PreparedStatement insert = rival.prepareStatement("""
                INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload)
                VALUES (?, 'bantam.bookings.v1', ?, 'BookingCreated', ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, freelancer.id().toString());
            insert.setString(3, "{\"type\":\"BookingCreated\",\"booking\":{\"id\":\"" + booking + "\"}}");
            insert.executeUpdate();
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    List<UUID> bookingIdsOf(User freelancer) {
        return db.sql("SELECT id FROM booking WHERE freelancer_id = :f AND cancelled_at IS NULL")
                .bind("f", freelancer.id()).mapValue(UUID.class).all().collectList().block();
    }

    List<UUID> eventIdsFor(User freelancer) {
        return db.sql("SELECT event_id FROM outbox_event WHERE message_key = :key")
                .bind("key", freelancer.id().toString()).mapValue(UUID.class).all().collectList().block();
    }

    List<String> eventPayloadsFor(User freelancer) {
        return db.sql("SELECT payload FROM outbox_event WHERE message_key = :key")
                .bind("key", freelancer.id().toString()).mapValue(String.class).all().collectList().block();
    }

    void assertNoOverlapInTheTable() {
        Long overlapping = db.sql("""
                        SELECT count(*) FROM booking_participant a
                          JOIN booking_participant b
                            ON a.user_id = b.user_id AND a.booking_id < b.booking_id AND a.during && b.during""")
                .mapValue(Long.class).one().block();
        assertThat(overlapping).isZero();
    }
}
