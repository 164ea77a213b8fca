package io.bantam.notes.note;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * How fast notes-service searches 100,000 notes of one freelancer. Not a test: run by hand (see README.md).
 *
 * <p>The notes are generated from a fixed seed: sentences of a CRM-like vocabulary with a Zipf-like word
 * frequency, and the searched words planted at known rates (a form of "call" in 10% of the notes, "invoice" in
 * 2%, "budget" and "website" in 3% each, "trademark" in 0.1%, "zebra" never).
 */
public final class NotesSearchBenchmark {

    private static final UUID FREELANCER = UUID.fromString("0b0e5a11-0000-4000-8000-000000000001");
    private static final int CLIENTS = 50;
    private static final int PAGE = 100;

    private static final String[] WORDS = ("""
            the a to and of in for with on at about from by is was be will has had have not but this that it they
            she he we our their his her them meeting project client design logo brand colour colors page draft
            review feedback deadline payment contract quote estimate hours week month monday tuesday wednesday
            thursday friday morning afternoon evening email message phone office home coffee lunch team manager
            partner assistant accountant lawyer printer photos copy text content launch campaign social media
            post newsletter survey report numbers figures sales marketing strategy plan plans planning schedule
            rescheduled postponed confirmed cancelled approved rejected waiting pending sent received signed
            updated changed asked wants needs prefers likes dislikes mentioned said agreed promised follow up
            next last first second new old final revised version files folder drive link access password login
            account bank transfer late early soon today tomorrow yesterday holiday vacation travel kids school
            birthday anniversary gift card flowers wine book books reading running gym yoga dog cat garden
            house moving office renovation kitchen bathroom paint furniture supplier delivery shipping order
            orders stock inventory price prices discount offer offers deal deals tax taxes receipt receipts
            """).trim().split("\\s+");

    private NotesSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int notes = Integer.parseInt(options.getOrDefault("notes", "100000"));
        int others = Integer.parseInt(options.getOrDefault("others", "100000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "200"));
        // what notes-service's application.yml passes as spring.r2dbc.properties.options (session settings)
        String sessionOptions = options.getOrDefault("sessionOptions", "plan_cache_mode=force_custom_plan");

        System.out.printf("Java %s, %d processors; PostgreSQL (embedded)%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start()) {
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            Flyway.configure()
                    .dataSource(jdbcUrl, "postgres", "postgres")
                    .locations("classpath:db/migration", "classpath:db/relationship-projection")
                    .load()
                    .migrate();
            List<UUID> clients;
            try (Connection jdbc = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
                System.out.println(query(jdbc, "SELECT version()"));
                long started = System.nanoTime();
                clients = load(jdbc, notes, others);
                try (Statement statement = jdbc.createStatement()) {
                    statement.execute("VACUUM ANALYZE note");
                }
                System.out.printf("Loaded %,d notes for the freelancer and %,d for %d others in %.1f s; table %s,"
                                + " search index %s%n", notes, others, Math.min(others, 1000),
                        (System.nanoTime() - started) / 1e9,
                        query(jdbc, "SELECT pg_size_pretty(pg_total_relation_size('note'))"),
                        query(jdbc, "SELECT pg_size_pretty(pg_relation_size('note_search'))"));
            }

            ConnectionFactoryOptions.Builder r2dbc = ConnectionFactoryOptions.parse(
                    "r2dbc:postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/postgres").mutate();
            if (!sessionOptions.isEmpty()) {
                r2dbc.option(Option.valueOf("options"), sessionOptions);
            }
            System.out.printf("R2DBC session options: %s%n", sessionOptions.isEmpty() ? "(none)" : sessionOptions);
            ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(
                            ConnectionFactories.get(r2dbc.build()))
                    .initialSize(2).maxSize(2).build());
            NoteStore store = new NoteStore(DatabaseClient.create(pool));
            try (Connection jdbc = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
                UUID client = clients.get(0);
                List<Scenario> scenarios = List.of(
                        new Scenario("q=call (10% of notes)", new NoteFilter(null, "call")),
                        new Scenario("q=invoice (2%)", new NoteFilter(null, "invoice")),
                        new Scenario("q=trademark (0.1%)", new NoteFilter(null, "trademark")),
                        new Scenario("q=website budget (both: ~0.1%)", new NoteFilter(null, "website budget")),
                        new Scenario("q=\"follow up\" call (phrase and word)",
                                new NoteFilter(null, "\"follow up\" call")),
                        new Scenario("q=zebra (no match)", new NoteFilter(null, "zebra")),
                        new Scenario("q=call&clientId=... (one of 50 clients)", new NoteFilter(client, "call")),
                        new Scenario("no q (newest 100)", NoteFilter.ALL),
                        new Scenario("no q, clientId=...", new NoteFilter(client, null)));
                System.out.printf("%n| query | matching notes | page | p50 ms | p95 ms | max ms |%n");
                System.out.printf("|---|---:|---:|---:|---:|---:|%n");
                List<String> plans = new ArrayList<>();
                for (Scenario scenario : scenarios) {
                    plans.add(run(scenario, store, jdbc, runs));
                }
                // a deep page: the 20th page of the most common word, through the keyset cursor
                NotePosition after = null;
                for (int i = 0; i < 19; i++) {
                    List<Note> page = store.list(FREELANCER, new NoteFilter(null, "call"), after, PAGE + 1)
                            .collectList().block();
                    if (page.size() <= PAGE) {
                        break;
                    }
                    after = page.get(PAGE - 1).position();
                }
                plans.add(run(new Scenario("q=call, 20th page (cursor)", new NoteFilter(null, "call"), after),
                        store, jdbc, runs));
                System.out.println();
                plans.forEach(System.out::println);
            } finally {
                pool.dispose();
            }
        }
    }

    record Scenario(String name, NoteFilter filter, NotePosition after) {
        Scenario(String name, NoteFilter filter) {
            this(name, filter, null);
        }
    }

    /** Times the service's own query through R2DBC, prints a table row, answers the EXPLAIN ANALYZE text. */
    private static String run(Scenario scenario, NoteStore store, Connection jdbc, int runs) throws Exception {
        for (int i = 0; i < 20; i++) { // warm-up: JIT, and past PostgreSQL's 5 custom plans of a prepared statement
            store.list(FREELANCER, scenario.filter(), scenario.after(), PAGE + 1).collectList().block();
        }
        long[] nanos = new long[runs];
        int size = 0;
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            size = store.list(FREELANCER, scenario.filter(), scenario.after(), PAGE + 1).collectList().block().size();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        NoteQuery query = NoteQuery.page(FREELANCER, scenario.filter(), scenario.after(), PAGE + 1);
        String matching = query(jdbc, "SELECT count(*) FROM note WHERE freelancer_id = '" + FREELANCER + "'"
                + (scenario.filter().clientId() == null ? "" : " AND client_id = '" + scenario.filter().clientId() + "'")
                + (scenario.filter().query() == null ? ""
                        : " AND search @@ websearch_to_tsquery('english', " + literal(scenario.filter().query()) + ")"));
        System.out.printf("| %s | %,d | %d | %.2f | %.2f | %.2f |%n", scenario.name(), Long.parseLong(matching),
                Math.min(size, PAGE), ms(nanos[runs / 2]), ms(nanos[(int) (runs * 0.95)]), ms(nanos[runs - 1]));
        StringBuilder plan = new StringBuilder("-- " + scenario.name() + "\n");
        try (Statement statement = jdbc.createStatement()) {
            explain(statement, "EXPLAIN (ANALYZE, BUFFERS) " + inline(query), plan);
            // the plan a prepared statement falls back to after five executions unless custom plans are forced
            plan.append("-- same, generic plan (plan_cache_mode = force_generic_plan)\n");
            statement.execute("PREPARE bench_query AS " + numbered(query));
            statement.execute("SET plan_cache_mode = force_generic_plan");
            List<String> values = new ArrayList<>();
            query.parameters().values().forEach(value -> values.add(sqlLiteral(value)));
            explain(statement, "EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_query(" + String.join(", ", values) + ")",
                    plan);
            statement.execute("RESET plan_cache_mode");
            statement.execute("DEALLOCATE bench_query");
        }
        return plan.toString();
    }

    private static void explain(Statement statement, String sql, StringBuilder plan) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
    }

    /** The query with $1, $2... for its parameters, in the order of {@link NoteQuery#parameters()}. */
    private static String numbered(NoteQuery query) {
        String sql = query.sql();
        int index = 1;
        for (String name : query.parameters().keySet()) {
            sql = sql.replaceAll(":" + name + "\\b", "\\$" + index++);
        }
        return sql;
    }

    /** Generates and COPYs the notes; answers the freelancer's clients. */
    private static List<UUID> load(Connection jdbc, int notes, int others) throws Exception {
        Random random = new Random(20261124);
        List<UUID> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(new UUID(0x0c11e47L, i));
        }
        List<UUID> otherFreelancers = new ArrayList<>();
        for (int i = 0; i < Math.min(others, 1000); i++) {
            otherFreelancers.add(UUID.randomUUID());
        }
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        long spanSeconds = Duration.ofDays(3 * 365).toSeconds();
        int total = notes + others;
        List<Boolean> ours = new ArrayList<>(total); // whose each note is, shuffled through time
        for (int i = 0; i < total; i++) {
            ours.add(i < notes);
        }
        Collections.shuffle(ours, random);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < total; i++) {
            boolean mine = ours.get(i);
            UUID freelancer = mine ? FREELANCER : otherFreelancers.get(random.nextInt(otherFreelancers.size()));
            UUID client = mine ? clients.get(random.nextInt(CLIENTS)) : new UUID(freelancer.getLeastSignificantBits(),
                    random.nextInt(20));
            Instant created = start.plusSeconds(spanSeconds * i / total).plusNanos(random.nextInt(1_000_000) * 1000L);
            csv.append(UUID.randomUUID()).append(',').append(freelancer).append(',').append(client).append(",\"")
                    .append(text(random).replace("\"", "\"\"")).append("\",").append(created).append(',')
                    .append(created).append('\n');
            if (csv.length() > 8_000_000) {
                copy(jdbc, csv);
            }
        }
        copy(jdbc, csv);
        return clients;
    }

    private static void copy(Connection jdbc, StringBuilder csv) throws Exception {
        jdbc.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY note (id, freelancer_id, client_id, text, created_at, updated_at) FROM STDIN (FORMAT csv)",
                new StringReader(csv.toString()));
        csv.setLength(0);
    }

    /** A note of 8 to 60 words (one in twenty: 200 to 1,200), with the searched words planted at their rates. */
    static String text(Random random) {
        int length = random.nextInt(20) == 0 ? 200 + random.nextInt(1000) : 8 + random.nextInt(53);
        List<String> words = new ArrayList<>(length + 4);
        for (int i = 0; i < length; i++) {
            // Zipf-like: low indexes (stop words, common words) far more often than high ones
            int index = (int) Math.floor(Math.pow(random.nextDouble(), 2.5) * WORDS.length);
            words.add(WORDS[index]);
        }
        plant(words, random, 0.10, "call", "calls", "calling", "called", "Call", "CALLED");
        plant(words, random, 0.02, "invoice", "invoices", "Invoice");
        plant(words, random, 0.03, "budget", "budgets");
        plant(words, random, 0.03, "website", "websites", "Website");
        plant(words, random, 0.001, "trademark");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            text.append(i == 0 ? capitalise(words.get(i)) : words.get(i));
            text.append(i == words.size() - 1 ? "." : random.nextInt(12) == 0 ? ". " : " ");
        }
        return text.toString();
    }

    private static void plant(List<String> words, Random random, double rate, String... forms) {
        if (random.nextDouble() < rate) {
            words.add(random.nextInt(words.size() + 1), forms[random.nextInt(forms.length)]);
        }
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** The query with its parameters written in, for EXPLAIN (the timed runs bind them). */
    private static String inline(NoteQuery query) {
        String sql = query.sql();
        for (Map.Entry<String, Object> parameter : query.parameters().entrySet()) {
            sql = sql.replaceAll(":" + parameter.getKey() + "\\b",
                    java.util.regex.Matcher.quoteReplacement(sqlLiteral(parameter.getValue())));
        }
        return sql;
    }

    private static String sqlLiteral(Object value) {
        return value instanceof Number ? value.toString()
                : value instanceof UUID ? "'" + value + "'::uuid"
                : value instanceof Instant ? "'" + value + "'::timestamptz"
                : literal(value.toString());
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String query(Connection jdbc, String sql) throws Exception {
        try (Statement statement = jdbc.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("expected name=value, got " + arg);
            }
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        return options;
    }
}
