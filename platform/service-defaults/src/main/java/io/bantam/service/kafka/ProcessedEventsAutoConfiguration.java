package io.bantam.service.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link ProcessedEvents} for services that set {@code bantam.processed-events.enabled: true}: its table (the
 * Flyway location {@value #MIGRATIONS}, added to the service's own) and a purge of old records.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration"})
@ConditionalOnClass(DatabaseClient.class)
@ConditionalOnProperty(name = "bantam.processed-events.enabled", havingValue = "true")
@EnableConfigurationProperties(ProcessedEventsProperties.class)
public class ProcessedEventsAutoConfiguration {

    static final String MIGRATIONS = "classpath:db/processed-events";

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventsAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({DatabaseClient.class, ReactiveTransactionManager.class})
    ProcessedEvents processedEvents(DatabaseClient db, ReactiveTransactionManager transactionManager) {
        return new ProcessedEvents(db, TransactionalOperator.create(transactionManager));
    }

    @Bean
    @ConditionalOnBean(ProcessedEvents.class)
    SmartLifecycle processedEventsPurge(ProcessedEvents processed, ProcessedEventsProperties properties) {
        return new Purge(processed, properties);
    }

    @Bean
    @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
    FlywayConfigurationCustomizer processedEventsMigrations() {
        return configuration -> {
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            locations.add(new Location(MIGRATIONS));
            configuration.locations(locations.toArray(Location[]::new));
        };
    }

    /** Deletes records past the retention now and then; a failed round is logged and tried at the next. */
    static final class Purge implements SmartLifecycle {

        private final ProcessedEvents processed;
        private final ProcessedEventsProperties properties;
        private volatile Disposable running;

        Purge(ProcessedEvents processed, ProcessedEventsProperties properties) {
            this.processed = processed;
            this.properties = properties;
        }

        @Override
        public void start() {
            running = Flux.interval(Duration.ofMinutes(1), properties.purgeInterval())
                    .concatMap(tick -> processed.purge(Clock.systemUTC().instant(), properties.retention())
                            .doOnNext(deleted -> log.debug("Purged {} processed-event records", deleted))
                            .onErrorResume(e -> {
                                log.warn("Could not purge processed-event records: {}", e.toString());
                                return Mono.empty();
                            }))
                    .subscribe();
        }

        @Override
        public void stop() {
            Disposable current = running;
            if (current != null) {
                current.dispose();
            }
            running = null;
        }

        @Override
        public boolean isRunning() {
            return running != null;
        }
    }
}
