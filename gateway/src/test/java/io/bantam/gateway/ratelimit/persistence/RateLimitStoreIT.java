package io.bantam.gateway.ratelimit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.gateway.ratelimit.domain.Policy;
import io.bantam.gateway.ratelimit.domain.Verdict;
import io.bantam.testing.PostgresDatabase;
import io.bantam.testing.TestInfrastructure;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The one statement behind every limited request, against a real PostgreSQL. */
class RateLimitStoreIT {

    static DatabaseClient db;
    static RateLimitStore store;

    @BeforeAll
    static void migrate() {
        PostgresDatabase database = TestInfrastructure.newDatabase("RateLimitStoreIT");
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/gateway").load().migrate();
        ConnectionFactory connections = ConnectionFactories.get(ConnectionFactoryOptions
                .parse(database.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, database.username())
                .option(ConnectionFactoryOptions.PASSWORD, database.password())
                .build());
        db = DatabaseClient.create(connections);
        store = new RateLimitStore(db);
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aFreshKeyAllowsTheBurstThenRefusesWithTheWaitForOneInterval() {
        Policy policy = new Policy("test", 1, 3);  // one a minute: nothing comes back during the test
        String key = key();

        List<Verdict> verdicts = Flux.range(0, 4).concatMap(i -> store.take(policy.bucket(key)))
                .collectList().block(Duration.ofSeconds(10));

        assertThat(verdicts).extracting(Verdict::allowed).containsExactly(true, true, true, false);
        assertThat(verdicts).extracting(Verdict::remaining).containsExactly(2L, 1L, 0L, 0L);
        assertThat(verdicts.get(3).retryAfter()).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60));
        assertThat(verdicts.get(3).resetSeconds()).isBetween(179L, 180L);
    }

    @Test
    void keysHaveBudgetsOfTheirOwn() {
        Policy policy = new Policy("test", 1, 1);
        String first = key();
        String second = key();

        assertThat(store.take(policy.bucket(first)).block().allowed()).isTrue();
        assertThat(store.take(policy.bucket(first)).block().allowed()).isFalse();
        assertThat(store.take(policy.bucket(second)).block().allowed()).isTrue();
    }

    @Test
    void concurrentRequestsForOneKeyAreAllCountedAndNoneTwice() {
        Policy policy = new Policy("test", 1, 10);
        String key = key();

        List<Verdict> verdicts = Flux.range(0, 50)
                .flatMap(i -> store.take(policy.bucket(key)), 10)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(verdicts).filteredOn(Verdict::allowed).hasSize(10);
    }

    @Test
    void theBudgetComesBackAtTheRate() {
        Policy policy = new Policy("test", 600, 1);  // one every 100 ms
        String key = key();
        assertThat(store.take(policy.bucket(key)).block().allowed()).isTrue();

        Verdict refused = store.take(policy.bucket(key)).block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> store.take(policy.bucket(key)).block().allowed());
    }

    @Test
    void idleKeysAreDeletedAndTheirCallersKeepAWholeBudget() {
        Policy fast = new Policy("test", 60_000, 1);   // whole again after a millisecond
        Policy slow = new Policy("test", 1, 1);
        String idle = key();
        String busy = key();
        store.take(fast.bucket(idle)).block();
        store.take(slow.bucket(busy)).block();

        await().atMost(Duration.ofSeconds(5)).until(() -> {
            store.deleteIdle().block();
            return count(fast.bucket(idle).key()) == 0;
        });
        assertThat(count(slow.bucket(busy).key())).isEqualTo(1);
        assertThat(store.take(fast.bucket(idle)).block().allowed()).isTrue();
        assertThat(store.take(slow.bucket(busy)).block().allowed()).isFalse();
    }

    @Test
    void aRefusedRequestWritesNothing() {
        Policy policy = new Policy("test", 1, 1);
        String key = key();
        store.take(policy.bucket(key)).block();
        String before = tat(policy.bucket(key).key());

        StepVerifier.create(store.take(policy.bucket(key)))
                .assertNext(verdict -> assertThat(verdict.allowed()).isFalse())
                .verifyComplete();
        assertThat(before).isNotNull();
        assertThat(tat(policy.bucket(key).key())).isEqualTo(before);
    }

    private static long count(String key) {
        return db.sql("SELECT count(*) AS n FROM rate_limit WHERE key = :key").bind("key", key)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private static String tat(String key) {
        return db.sql("SELECT tat::text AS tat FROM rate_limit WHERE key = :key").bind("key", key)
                .map(row -> row.get("tat", String.class)).one().block();
    }
}
