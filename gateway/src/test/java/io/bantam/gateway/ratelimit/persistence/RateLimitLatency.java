package io.bantam.gateway.ratelimit.persistence;

import io.bantam.gateway.ratelimit.domain.Policy;
import io.bantam.gateway.ratelimit.domain.Verdict;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * How long the limiter's one statement takes, as the gateway runs it (through an R2DBC pool of 5, a connection
 * acquired per statement), against an embedded PostgreSQL 18 with durable settings (fsync and synchronous_commit
 * on, as a real server runs, unlike the tests' server). Not a test: run it by hand (docs/benchmarks.md), e.g.
 * {@code java -cp "gateway/target/classes:gateway/target/test-classes:$(cat cp.txt)"
 * io.bantam.gateway.ratelimit.persistence.RateLimitLatency 5000}.
 *
 * <p>Prints p50/p95/p99 of sequential calls for an allowed request (one user among 1000, each well within its
 * budget), a refused one (an exhausted key), both again with the table made LOGGED (what UNLOGGED saves), and the
 * throughput of 16 concurrent callers.
 */
public final class RateLimitLatency {

    private RateLimitLatency() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        // zonky's defaults include synchronous_commit=off; a real server commits durably
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .start()) {
            try (Connection admin = postgres.getPostgresDatabase().getConnection();
                    Statement sql = admin.createStatement()) {
                sql.execute("CREATE ROLE gateway LOGIN PASSWORD 'gateway'");
                sql.execute("CREATE DATABASE gateway OWNER gateway");
            }
            String jdbc = "jdbc:postgresql://localhost:" + postgres.getPort() + "/gateway";
            Flyway.configure().dataSource(jdbc, "gateway", "gateway").locations("classpath:db/gateway")
                    .load().migrate();
            ConnectionFactoryOptions options = ConnectionFactoryOptions
                    .parse("r2dbc:postgresql://localhost:" + postgres.getPort() + "/gateway").mutate()
                    .option(ConnectionFactoryOptions.USER, "gateway")
                    .option(ConnectionFactoryOptions.PASSWORD, "gateway")
                    .build();
            ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration
                    .builder(ConnectionFactories.get(options)).initialSize(1).maxSize(5).build());
            try {
                DatabaseClient db = DatabaseClient.create(pool);
                RateLimitStore store = new RateLimitStore(db);
                Policy writes = new Policy("writes", 120, 60);
                Policy exhausted = new Policy("exhausted", 1, 1);

                measure("warm-up (not reported)", store, writes, exhausted, calls, false);
                measure("UNLOGGED", store, writes, exhausted, calls, true);
                db.sql("ALTER TABLE rate_limit SET LOGGED").then().block();
                measure("LOGGED", store, writes, exhausted, calls, true);
                db.sql("ALTER TABLE rate_limit SET UNLOGGED").then().block();
                throughput(store, writes, calls * 2, 16);
            } finally {
                pool.dispose();
            }
        }
    }

    private static void measure(String label, RateLimitStore store, Policy writes, Policy exhausted, int calls,
            boolean report) {
        long[] allowed = new long[calls];
        long[] refused = new long[calls];
        int allowedCount = 0;
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            Verdict verdict = store.take(writes.bucket("user-" + (i % 1000))).block(Duration.ofSeconds(5));
            allowed[i] = System.nanoTime() - start;
            allowedCount += verdict.allowed() ? 1 : 0;
            start = System.nanoTime();
            store.take(exhausted.bucket("someone")).block(Duration.ofSeconds(5));
            refused[i] = System.nanoTime() - start;
        }
        if (report) {
            System.out.printf("%-9s %d calls each: allowed p50 %.2f ms, p95 %.2f, p99 %.2f (%d allowed); "
                            + "refused p50 %.2f ms, p95 %.2f, p99 %.2f%n", label, calls,
                    percentile(allowed, 50), percentile(allowed, 95), percentile(allowed, 99), allowedCount,
                    percentile(refused, 50), percentile(refused, 95), percentile(refused, 99));
        }
    }

    private static void throughput(RateLimitStore store, Policy writes, int calls, int concurrency) {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Verdict> verdicts = Flux.range(0, calls)
                .flatMap(i -> store.take(writes.bucket("user-" + (next.getAndIncrement() % 1000))), concurrency)
                .collectList().block(Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("UNLOGGED  %d calls, %d concurrent: %.0f statements/s (%d cores)%n", verdicts.size(),
                concurrency, verdicts.size() / seconds, Runtime.getRuntime().availableProcessors());
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
