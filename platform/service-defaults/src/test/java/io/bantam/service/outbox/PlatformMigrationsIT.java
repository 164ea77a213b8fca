package io.bantam.service.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.service.testapp.TestApplication;
import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The platform's tables come from their own Flyway locations, each switched on by name. The outbox's script moved
 * from db/migration to db/outbox keeping its version and checksum: a database migrated before the move recorded
 * version 0.1 with checksum {@value #OUTBOX_CHECKSUM_BEFORE_THE_MOVE} (Flyway's CRC32 of the old file), and the
 * moved script must still produce it, or every existing database would fail validation at start-up.
 */
@SpringBootTest(classes = TestApplication.class, properties = {
        "bantam.outbox.enabled=true",
        "bantam.outbox.relay-enabled=false",
        "bantam.relationships.projection.enabled=true",
        "bantam.processed-events.enabled=true",
        "spring.application.name=migrations-test"})
@WithPostgres
@WithKafka
class PlatformMigrationsIT {

    static final int OUTBOX_CHECKSUM_BEFORE_THE_MOVE = -1908745926;

    @Autowired
    DatabaseClient db;

    @Test
    void theOutboxKeepsItsVersionAndChecksumInItsOwnLocation() {
        List<Map<String, Object>> history = db.sql("""
                        SELECT version, description, script, checksum FROM flyway_schema_history
                         WHERE success ORDER BY installed_rank""")
                .fetch().all().collectList().block(Duration.ofSeconds(10));

        assertThat(history).anySatisfy(row -> {
            assertThat(row.get("version")).isEqualTo("0.1");
            assertThat(row.get("script")).isEqualTo("V0_1__outbox.sql");
            assertThat(row.get("checksum")).isEqualTo(OUTBOX_CHECKSUM_BEFORE_THE_MOVE);
        });
        assertThat(history).extracting(row -> row.get("script"))
                .contains("V0_2__relationship_projection.sql", "R__processed_event.sql");
    }
}
