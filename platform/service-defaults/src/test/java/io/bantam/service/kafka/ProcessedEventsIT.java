package io.bantam.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.service.testapp.TestApplication;
import io.bantam.testing.WithPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The consumer side of the outbox on a real PostgreSQL: an effect (here a row in a table of the test's own) runs
 * once per consumer and event, whatever is delivered how often, and a failed effect leaves no trace.
 */
@SpringBootTest(classes = TestApplication.class, properties = "bantam.processed-events.enabled=true")
@WithPostgres
class ProcessedEventsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    ProcessedEvents processed;
    @Autowired
    DatabaseClient db;

    @BeforeEach
    void effectTable() {
        db.sql("CREATE TABLE IF NOT EXISTS effect (event_id UUID NOT NULL, consumer TEXT NOT NULL)").then().block(WAIT);
    }

    @Test
    void anEventDeliveredTwiceTakesEffectOnce() {
        UUID event = UUID.randomUUID();

        Boolean first = processed.once("tasks", event, () -> effect(event, "tasks")).block(WAIT);
        Boolean second = processed.once("tasks", event, () -> effect(event, "tasks")).block(WAIT);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(effects(event)).isEqualTo(1);
        assertThat(processed.processed("tasks", event).block(WAIT)).isTrue();
    }

    @Test
    void eachConsumerAppliesTheSameEventOnItsOwn() {
        UUID event = UUID.randomUUID();

        processed.once("tasks", event, () -> effect(event, "tasks")).block(WAIT);
        processed.once("reminders", event, () -> effect(event, "reminders")).block(WAIT);

        assertThat(effects(event)).isEqualTo(2);
    }

    @Test
    void aFailedEffectIsNotRecordedSoTheRetryAppliesIt() {
        UUID event = UUID.randomUUID();

        Mono<Boolean> failing = processed.once("tasks", event,
                () -> effect(event, "tasks").then(Mono.error(new IllegalStateException("database down"))));
        assertThat(failing.onErrorReturn(false).block(WAIT)).isFalse();

        assertThat(effects(event)).isZero();
        assertThat(processed.processed("tasks", event).block(WAIT)).isFalse();
        assertThat(processed.once("tasks", event, () -> effect(event, "tasks")).block(WAIT)).isTrue();
        assertThat(effects(event)).isEqualTo(1);
    }

    @Test
    void simultaneousDeliveriesOfOneEventTakeEffectOnce() {
        UUID event = UUID.randomUUID();

        List<Boolean> results = Flux.range(0, 8)
                .flatMap(i -> processed.once("tasks", event, () -> effect(event, "tasks"))
                        .subscribeOn(Schedulers.parallel()), 8)
                .collectList()
                .block(WAIT);

        assertThat(results).containsOnlyOnce(true);
        assertThat(effects(event)).isEqualTo(1);
    }

    @Test
    void recordsPastTheRetentionArePurged() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        processed.once("tasks", old, Mono::empty).block(WAIT);
        db.sql("UPDATE processed_event SET processed_at = now() - interval '40 days' WHERE event_id = :id")
                .bind("id", old).then().block(WAIT);
        processed.once("tasks", recent, Mono::empty).block(WAIT);

        processed.purge(Instant.now(), Duration.ofDays(30)).block(WAIT);

        assertThat(processed.processed("tasks", old).block(WAIT)).isFalse();
        assertThat(processed.processed("tasks", recent).block(WAIT)).isTrue();
    }

    private Mono<Void> effect(UUID event, String consumer) {
        return db.sql("INSERT INTO effect (event_id, consumer) VALUES (:id, :consumer)")
                .bind("id", event).bind("consumer", consumer).then();
    }

    private long effects(UUID event) {
        return db.sql("SELECT count(*) AS n FROM effect WHERE event_id = :id").bind("id", event)
                .map(row -> row.get("n", Long.class)).one().block(WAIT);
    }
}
