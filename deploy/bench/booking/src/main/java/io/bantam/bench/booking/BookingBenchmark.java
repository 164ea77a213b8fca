package io.bantam.bench.booking;

import io.bantam.events.relationships.RelationshipCreated;
import io.bantam.testing.PostgresDatabase;
import io.bantam.testing.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * booking-service under load on these machines. Two instances of the runnable jar, each its own JVM with its
 * own database on one embedded PostgreSQL, share an embedded Kafka broker: one with about 10^3 bookings in its
 * table ("small"), one filled to {@code bench.fill} (10^6 by default, 2 x 10^6 rows in the GiST index:
 * "large"). The load alternates between the two in short rounds, so both see the same background load on
 * these shared cores and the comparison stays fair even when the machine is busy.
 *
 * <p>Measured in each round, on each instance:
 * <ul>
 *   <li>booking creation by clients (relationship, booking rules under the freelancer's lock, and overlap
 *       checked, outbox event written and published), one request at a time, then {@code bench.concurrency} at a time;</li>
 *   <li>a client's 30-day search for 15-minute slots (15-minute step) with a freelancer, where the freelancer
 *       and the client each have 1,000 bookings inside those 30 days.</li>
 * </ul>
 * Client-side times are measured around each HTTP call on loopback; server times come from the service's own
 * {@code http.server.requests} histogram. Setup data goes straight into the service's tables, relationships
 * arrive as events on {@code bantam.relationships.v1}, availability through the API.
 */
public final class BookingBenchmark {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final int PAIRS = 64;
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    static final int FILL = Integer.getInteger("bench.fill", 1_000_000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 10);
    static final String SLOTS_ROUTE = "/api/availability/{freelancerId}/slots";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Load load = new Load();
    private final Tokens tokens;
    private final List<UUID> freelancers = new ArrayList<>();
    private final List<UUID> clients = new ArrayList<>();
    private final List<String> clientTokens = new ArrayList<>();
    private final UUID searchedFreelancer = UUID.randomUUID();
    private final UUID searchingClient = UUID.randomUUID();
    private final Instant firstDay = LocalDate.now(BERLIN).plusDays(1).atStartOfDay(BERLIN).toInstant();
    private final String searchToken;

    /** One service instance with its database, and what was measured on it. */
    final class Target {
        final String name;
        final String base;
        final Connection db;
        final ServerTimes serverTimes;
        final AtomicInteger created = new AtomicInteger();
        final Series createOne = new Series();
        final Series createMany = new Series();
        final Series search = new Series();
        long rowsBefore;
        long rowsAfter;
        int slots;

        Target(String name, String base, Connection db) {
            this.name = name;
            this.base = base;
            this.db = db;
            this.serverTimes = new ServerTimes(base);
        }
    }

    private BookingBenchmark(Tokens tokens) {
        this.tokens = tokens;
        this.searchToken = tokens.token(searchingClient, "CLIENT");
        for (int i = 0; i < PAIRS; i++) {
            freelancers.add(UUID.randomUUID());
            UUID client = UUID.randomUUID();
            clients.add(client);
            clientTokens.add(tokens.token(client, "CLIENT"));
        }
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "booking-service/target/booking-service-0.1.0-SNAPSHOT-exec.jar");
        Path out = Path.of(System.getProperty("bench.out", "deploy/bench/booking/target"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no runnable jar at " + jar + ": build booking-service first");
        }
        List<String> jvm = List.of(System.getProperty("bench.jvm", "-Xms256m -Xmx256m -XX:+UseSerialGC").split(" "));
        long setup = System.nanoTime();
        PostgresDatabase smallDb = TestInfrastructure.newDatabase("booking_bench_small");
        PostgresDatabase largeDb = TestInfrastructure.newDatabase("booking_bench_large");
        String kafka = TestInfrastructure.kafkaBootstrapServers();
        try (Tokens tokens = new Tokens();
             ServiceProcess small = ServiceProcess.start(jar, jvm, environment(smallDb, kafka, tokens),
                     List.of("--bantam.relationships.projection.group-id=booking-bench-small"),
                     out.resolve("booking-service-small.log"));
             ServiceProcess large = ServiceProcess.start(jar, jvm, environment(largeDb, kafka, tokens),
                     List.of("--bantam.relationships.projection.group-id=booking-bench-large"),
                     out.resolve("booking-service-large.log"));
             Connection smallJdbc = connect(smallDb);
             Connection largeJdbc = connect(largeDb)) {
            System.out.printf("setup: PostgreSQL, Kafka and two booking-service JVMs (%s) ready in %.0f s%n",
                    String.join(" ", jvm), (System.nanoTime() - setup) / 1e9);
            BookingBenchmark bench = new BookingBenchmark(tokens);
            String report = bench.run(kafka, bench.new Target("small", small.baseUrl(), smallJdbc),
                    bench.new Target("large", large.baseUrl(), largeJdbc));
            Files.createDirectories(out);
            Files.writeString(out.resolve("booking-bench.md"), report);
            System.out.println();
            System.out.println(report);
        }
        System.exit(0);
    }

    private static Map<String, String> environment(PostgresDatabase db, String kafka, Tokens tokens) {
        return Map.of("DB_HOST", db.host(), "DB_PORT", Integer.toString(db.port()), "DB_NAME", db.database(),
                "DB_USER", db.username(), "DB_PASSWORD", db.password(), "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "IDENTITY_URL", tokens.identityUrl());
    }

    private static Connection connect(PostgresDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    private String run(String kafka, Target small, Target large) throws Exception {
        publishRelationships(kafka);
        for (Target target : List.of(small, large)) {
            awaitRelationships(target);
            publishAvailability(target);
            seedSearchedParties(target);
        }
        fill(large, FILL);
        for (Target target : List.of(small, large)) {
            explainBusyQuery(target);
            target.slots = JSON.readTree(HttpClient.newHttpClient().send(searchRequest(target),
                    HttpResponse.BodyHandlers.ofString()).body()).get("items").size();
            // warm-up: JIT, connection pools, caches
            Series discard = new Series();
            creations(target, 1000, CONCURRENCY, discard);
            load.run(300, 1, 200, i -> searchRequest(target), discard);
            target.rowsBefore = count(target, "SELECT count(*) FROM booking");
        }
        for (int round = 0; round < ROUNDS; round++) {
            // alternate which instance goes first, so neither always follows the other's load
            List<Target> order = round % 2 == 0 ? List.of(small, large) : List.of(large, small);
            for (Target target : order) {
                measure(target, "POST", "/api/bookings", target.createOne, () -> creations(target, 60, 1,
                        target.createOne));
                measure(target, "POST", "/api/bookings", target.createMany, () -> creations(target, 100,
                        CONCURRENCY, target.createMany));
                measure(target, "GET", SLOTS_ROUTE, target.search, () -> load.run(100, 1, 200,
                        i -> searchRequest(target), target.search));
            }
            System.out.printf("round %d of %d done (load average %s)%n", round + 1, ROUNDS, loadAverage());
        }
        for (Target target : List.of(small, large)) {
            target.rowsAfter = count(target, "SELECT count(*) FROM booking");
        }
        return report(small, large);
    }

    interface Work {
        void run() throws Exception;
    }

    private void measure(Target target, String method, String route, Series series, Work work) throws Exception {
        TreeMap<Double, Double> before = target.serverTimes.snapshot(method, route);
        work.run();
        series.addServer(before, target.serverTimes.snapshot(method, route), Double.parseDouble(loadAverage()));
    }

    private String report(Target small, Target large) {
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Bookings in the table: small %,d → %,d, large %,d → %,d. "
                        + "%d rounds; mean load average during the measured work: %.1f.%n%n",
                small.rowsBefore, small.rowsAfter, large.rowsBefore, large.rowsAfter, ROUNDS,
                (small.search.meanLoad() + large.search.meanLoad()) / 2));
        report.append("| measurement | instance | requests | throughput (req/s) | client p50 / p95 / p99 (ms) "
                + "| server p50 / p95 / p99 (ms, bucket bound) |\n");
        report.append("|---|---|---:|---:|---:|---:|\n");
        for (Target target : List.of(small, large)) {
            row(report, "create booking, 1 at a time", target, target.createOne);
        }
        for (Target target : List.of(small, large)) {
            row(report, "create booking, " + CONCURRENCY + " at a time", target, target.createMany);
        }
        for (Target target : List.of(small, large)) {
            row(report, "30-day slot search (" + target.slots + " slots)", target, target.search);
        }
        report.append(String.format(Locale.ROOT, "%nlarge / small, client p50 and p95: create 1 at a time "
                        + "%.2f and %.2f, create %d at a time %.2f and %.2f (throughput %.2f), slot search %.2f and %.2f%n",
                large.createOne.client(0.5) / small.createOne.client(0.5),
                large.createOne.client(0.95) / small.createOne.client(0.95), CONCURRENCY,
                large.createMany.client(0.5) / small.createMany.client(0.5),
                large.createMany.client(0.95) / small.createMany.client(0.95),
                large.createMany.perSecond() / small.createMany.perSecond(),
                large.search.client(0.5) / small.search.client(0.5),
                large.search.client(0.95) / small.search.client(0.95)));
        return report.toString();
    }

    private static void row(StringBuilder report, String name, Target target, Series s) {
        report.append(String.format(Locale.ROOT,
                "| %s | %s (%,d) | %d | %.0f | %.1f / %.1f / %.1f | ≤ %.1f / ≤ %.1f / ≤ %.1f |%n", name, target.name,
                target.rowsBefore, s.requests(), s.perSecond(), s.client(0.5), s.client(0.95), s.client(0.99),
                s.server(0.5), s.server(0.95), s.server(0.99)));
        if (s.serverCount() != s.requests()) {
            System.err.println("server counted " + s.serverCount() + " of " + s.requests() + " for " + name);
        }
    }

    /** Relationships for every pair and for the searched pair, as events on the relationships topic. */
    private void publishRelationships(String kafka) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            List<RelationshipCreated> events = new ArrayList<>();
            for (int i = 0; i < PAIRS; i++) {
                events.add(RelationshipCreated.of(UUID.randomUUID(), freelancers.get(i), clients.get(i), Instant.now()));
            }
            events.add(RelationshipCreated.of(UUID.randomUUID(), searchedFreelancer, searchingClient, Instant.now()));
            for (RelationshipCreated event : events) {
                producer.send(new ProducerRecord<>(event.topic(), event.key(), JSON.writeValueAsString(event))).get();
            }
        }
    }

    private void awaitRelationships(Target target) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (count(target, "SELECT count(*) FROM relationship_projection WHERE status = 'ACTIVE'") < PAIRS + 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("relationship events not applied by " + target.name);
            }
            Thread.sleep(200);
        }
    }

    /** Every freelancer available all week, all day (Europe/Berlin): every future time is bookable by its client. */
    private void publishAvailability(Target target) throws Exception {
        StringBuilder weekly = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            weekly.append(weekly.isEmpty() ? "" : ",")
                    .append("{\"day\":\"").append(day).append("\",\"start\":\"00:00\",\"end\":\"24:00\"}");
        }
        String body = "{\"timeZone\":\"Europe/Berlin\",\"weekly\":[" + weekly + "]}";
        List<UUID> all = new ArrayList<>(freelancers);
        all.add(searchedFreelancer);
        load.run(all.size(), 4, 200, i -> HttpRequest.newBuilder(URI.create(target.base + "/api/availability"))
                .header("Authorization", "Bearer " + tokens.token(all.get(i), "FREELANCER"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), new Series());
        publishRules(target, all);
    }

    /**
     * Booking rules in force: every freelancer keeps 5 minutes either side of each booking and a one-hour cut-off
     * (the creations, a half hour every hour, still fit); the searched freelancer also needs two hours' notice,
     * takes bookings 60 days ahead and at most 100 a week from a client, is closed on the 10th day searched and
     * away for four hours on the 20th; the searching client has buffers of its own, none (the seeded bookings
     * leave 28-minute gaps, so that the search still finds a slot in most of them, as before the rules).
     */
    private void publishRules(Target target, List<UUID> freelancersToo) throws Exception {
        load.run(freelancersToo.size(), 4, 200, i -> put(target, "/api/availability/rules", freelancersToo.get(i),
                "{\"bufferBeforeMinutes\":5,\"bufferAfterMinutes\":5,\"changeCutoffMinutes\":60}"), new Series());
        LocalDate from = LocalDate.ofInstant(firstDay, BERLIN);
        Instant away = from.plusDays(19).atTime(10, 0).atZone(BERLIN).toInstant();
        List<HttpRequest> searched = List.of(
                put(target, "/api/availability/rules", searchedFreelancer, "{\"minimumNoticeMinutes\":120,"
                        + "\"horizonDays\":60,\"maxBookingsPerWeek\":100}"),
                put(target, "/api/availability/clients/" + searchingClient + "/rules", searchedFreelancer,
                        "{\"bufferBeforeMinutes\":0,\"bufferAfterMinutes\":0}"),
                put(target, "/api/availability/overrides/" + from.plusDays(9), searchedFreelancer,
                        "{\"windows\":[]}"),
                HttpRequest.newBuilder(URI.create(target.base + "/api/availability/time-off"))
                        .header("Authorization", "Bearer " + tokens.token(searchedFreelancer, "FREELANCER"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"start\":\"" + away + "\",\"end\":\""
                                + away.plus(Duration.ofHours(4)) + "\",\"note\":\"Bench\"}")).build());
        HttpClient http = HttpClient.newHttpClient();
        for (HttpRequest request : searched) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.uri() + ": " + response.statusCode() + " " + response.body());
            }
        }
    }

    private HttpRequest put(Target target, String path, UUID freelancer, String json) {
        return HttpRequest.newBuilder(URI.create(target.base + path))
                .header("Authorization", "Bearer " + tokens.token(freelancer, "FREELANCER"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** Clients book their freelancers, each request a new half hour, none overlapping another. */
    private void creations(Target target, int requests, int concurrency, Series into) throws Exception {
        int first = target.created.getAndAdd(requests);
        load.run(requests, concurrency, 201, i -> {
            int n = first + i;
            int pair = n % PAIRS;
            Instant start = firstDay.plus(Duration.ofMinutes(60L * (n / PAIRS) + 30));
            String body = "{\"freelancerId\":\"" + freelancers.get(pair) + "\",\"start\":\"" + start
                    + "\",\"durationMinutes\":30,\"title\":\"Bench " + n + "\"}";
            return HttpRequest.newBuilder(URI.create(target.base + "/api/bookings"))
                    .header("Authorization", "Bearer " + clientTokens.get(pair))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        }, into);
    }

    /** The searching client asks for 30 days of 15-minute slots, on the 15-minute grid, with its freelancer. */
    private HttpRequest searchRequest(Target target) {
        LocalDate from = LocalDate.ofInstant(firstDay, BERLIN);
        return HttpRequest.newBuilder(URI.create(target.base + "/api/availability/" + searchedFreelancer
                        + "/slots?from=" + from + "&to=" + from.plusDays(29) + "&durationMinutes=15&stepMinutes=15"))
                .header("Authorization", "Bearer " + searchToken)
                .GET().build();
    }

    /**
     * 1,000 bookings for the searched freelancer and 1,000 for the searching client, each with someone else,
     * all inside the 30 days searched: 15 minutes every 43 minutes for both, which leaves one or two 15-minute
     * slots in most gaps.
     */
    private void seedSearchedParties(Target target) throws SQLException {
        seed(target, searchedFreelancer, true, firstDay, 43, 15, 1000);
        seed(target, searchingClient, false, firstDay, 43, 15, 1000);
    }

    private void seed(Target target, UUID party, boolean isFreelancer, Instant from, int everyMinutes, int minutes,
            int count) throws SQLException {
        String freelancer = isFreelancer ? "CAST(? AS uuid)" : "gen_random_uuid()";
        String client = isFreelancer ? "gen_random_uuid()" : "CAST(? AS uuid)";
        try (PreparedStatement insert = target.db.prepareStatement("""
                WITH b AS (
                    SELECT gen_random_uuid() AS id, %s AS f, %s AS c,
                           CAST(? AS timestamptz) + i * make_interval(mins => ?) AS s
                      FROM generate_series(0, ? - 1) AS i),
                ins AS (
                    INSERT INTO booking (id, freelancer_id, client_id, title, start_at, end_at, created_by,
                                         created_at, updated_at)
                    SELECT id, f, c, 'Seeded', s, s + make_interval(mins => ?), f, now(), now() FROM b
                    RETURNING id, freelancer_id, client_id, start_at, end_at)
                INSERT INTO booking_participant (booking_id, party, user_id, during)
                SELECT id, 'FREELANCER', freelancer_id, tstzrange(start_at, end_at, '[)') FROM ins
                UNION ALL
                SELECT id, 'CLIENT', client_id, tstzrange(start_at, end_at, '[)') FROM ins""".formatted(freelancer,
                client))) {
            insert.setString(1, party.toString());
            insert.setTimestamp(2, Timestamp.from(from));
            insert.setInt(3, everyMinutes);
            insert.setInt(4, count);
            insert.setInt(5, minutes);
            insert.executeUpdate();
        }
    }

    /**
     * Fills the table to {@code total} bookings: 1,000 other freelancers with 1,000 half-hour bookings each, one
     * an hour over the same weeks the benchmark books and searches in, each with one of 1,000 other clients (no
     * overlap for anyone). Written in chunks; then VACUUM ANALYZE, as autovacuum would after a bulk load.
     */
    private void fill(Target target, int total) throws SQLException {
        long have = count(target, "SELECT count(*) FROM booking");
        long started = System.nanoTime();
        int chunk = 100_000;
        for (long from = 0; from < total - have; from += chunk) {
            long to = Math.min(total - have, from + chunk) - 1;
            try (PreparedStatement insert = target.db.prepareStatement("""
                    WITH b AS (
                        SELECT md5('bench-b' || i)::uuid AS id,
                               md5('bench-f' || (i % 1000))::uuid AS f,
                               md5('bench-c' || ((i % 1000 + i / 1000) % 1000))::uuid AS c,
                               CAST(? AS timestamptz) + (i / 1000) * interval '1 hour' AS s
                          FROM generate_series(CAST(? AS bigint), CAST(? AS bigint)) AS i),
                    ins AS (
                        INSERT INTO booking (id, freelancer_id, client_id, title, start_at, end_at, created_by,
                                             created_at, updated_at)
                        SELECT id, f, c, 'Filler', s, s + interval '30 minutes', f, now(), now() FROM b
                        RETURNING id, freelancer_id, client_id, start_at, end_at)
                    INSERT INTO booking_participant (booking_id, party, user_id, during)
                    SELECT id, 'FREELANCER', freelancer_id, tstzrange(start_at, end_at, '[)') FROM ins
                    UNION ALL
                    SELECT id, 'CLIENT', client_id, tstzrange(start_at, end_at, '[)') FROM ins""")) {
                insert.setTimestamp(1, Timestamp.from(firstDay));
                insert.setLong(2, from);
                insert.setLong(3, to);
                insert.executeUpdate();
            }
            System.out.printf("fill: %,d bookings (%.0f s)%n", have + to + 1, (System.nanoTime() - started) / 1e9);
        }
        try (Statement statement = target.db.createStatement()) {
            statement.execute("VACUUM ANALYZE booking");
            statement.execute("VACUUM ANALYZE booking_participant");
        }
        System.out.printf("fill: done, %,d bookings in %.0f s%n", count(target, "SELECT count(*) FROM booking"),
                (System.nanoTime() - started) / 1e9);
    }

    /** The plan and database time of the service's busy-time query for the searched freelancer (printed). */
    private void explainBusyQuery(Target target) throws SQLException {
        LocalDate from = LocalDate.ofInstant(firstDay, BERLIN);
        try (PreparedStatement explain = target.db.prepareStatement("""
                EXPLAIN (ANALYZE, BUFFERS)
                SELECT string_agg(CAST(extract(epoch FROM lower(during)) * 1000000 AS bigint) || ','
                                  || CAST(extract(epoch FROM upper(during)) * 1000000 AS bigint), ';'
                                  ORDER BY lower(during))
                  FROM booking_participant
                 WHERE user_id = CAST(? AS uuid)
                   AND during && tstzrange(CAST(? AS timestamptz), CAST(? AS timestamptz), '[)')""")) {
            explain.setString(1, searchedFreelancer.toString());
            explain.setTimestamp(2, Timestamp.from(from.minusDays(1).atStartOfDay(BERLIN).toInstant()));
            explain.setTimestamp(3, Timestamp.from(from.plusDays(31).atStartOfDay(BERLIN).toInstant()));
            try (ResultSet plan = explain.executeQuery()) {
                System.out.println("busy-time query on " + target.name + ":");
                while (plan.next()) {
                    System.out.println("  " + plan.getString(1));
                }
            }
        }
    }

    /** The machine's one-minute load average: these 2 cores are shared with other work. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "0";
        }
    }

    private static long count(Target target, String sql) throws SQLException {
        try (Statement statement = target.db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
