package io.bantam.service.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.r2dbc.spi.ConnectionFactories;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox and its relay, for services that set {@code bantam.outbox.enabled=true} in their application.yml:
 * its table (the Flyway location {@value #MIGRATIONS}, added to the service's own), the {@link Outbox} to record
 * events in, and the relay that publishes them ({@code bantam.outbox.relay-enabled}, on by default).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({DatabaseClient.class, KafkaTemplate.class, io.r2dbc.postgresql.api.PostgresqlConnection.class})
@ConditionalOnBean({DatabaseClient.class, KafkaTemplate.class})
@ConditionalOnProperty(name = "bantam.outbox.enabled", havingValue = "true")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    /** Version 0.1, as it was in db/migration before: same version and checksum, so databases stay valid. */
    static final String MIGRATIONS = "classpath:db/outbox";

    @Bean
    @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
    FlywayConfigurationCustomizer outboxMigrations() {
        return configuration -> {
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            locations.add(new Location(MIGRATIONS));
            configuration.locations(locations.toArray(Location[]::new));
        };
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(DatabaseClient db, JsonMapper json, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        return new R2dbcOutbox(db, json, tracer, propagator);
    }

    @Bean
    @ConditionalOnProperty(name = "bantam.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(DatabaseClient db, ReactiveTransactionManager transactionManager,
            KafkaTemplate<Object, Object> kafka, R2dbcConnectionDetails connection, JsonMapper json,
            OutboxProperties properties, ObjectProvider<MeterRegistry> meters, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        // LISTEN needs a connection of its own, outside the pool, held for as long as the relay runs
        return new OutboxRelay(db, TransactionalOperator.create(transactionManager), kafka,
                ConnectionFactories.get(connection.getConnectionFactoryOptions()), json, properties,
                meters.getIfAvailable(SimpleMeterRegistry::new), tracer.getIfAvailable(), propagator.getIfAvailable());
    }
}
