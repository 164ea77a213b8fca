package io.bantam.service.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.service.testapp.TestApplication;
import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/** A service that does not switch the outbox on by name has none: no Outbox, no relay, no table. */
@SpringBootTest(classes = TestApplication.class)
@WithPostgres
@WithKafka
class OutboxSwitchIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    DatabaseClient db;

    @Test
    void withoutTheSwitchThereIsNoOutbox() {
        assertThat(context.getBeanNamesForType(Outbox.class)).isEmpty();
        assertThat(context.getBeanNamesForType(OutboxRelay.class)).isEmpty();
        Boolean table = db.sql("SELECT to_regclass('outbox_event') IS NOT NULL AS present")
                .map(row -> row.get("present", Boolean.class)).one().block(Duration.ofSeconds(10));
        assertThat(table).isFalse();
    }
}
