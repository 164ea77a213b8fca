package io.bantam.service.relationship;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relationship projection, for services that set {@code bantam.relationships.projection.enabled=true}:
 * its table (a Flyway location added to the service's own), its Kafka listener and the
 * {@link RelationshipProjection} to ask.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnClass({DatabaseClient.class, KafkaTemplate.class})
@ConditionalOnProperty(name = "bantam.relationships.projection.enabled", havingValue = "true")
public class RelationshipProjectionAutoConfiguration {

    static final String MIGRATIONS = "classpath:db/relationship-projection";

    @Bean
    @ConditionalOnBean(DatabaseClient.class)
    RelationshipProjection relationshipProjection(DatabaseClient db) {
        return new RelationshipProjection(db);
    }

    @Bean
    @ConditionalOnBean(DatabaseClient.class)
    RelationshipEventListener relationshipEventListener(RelationshipProjection projection, JsonMapper json) {
        return new RelationshipEventListener(projection, json);
    }

    @Bean
    @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
    FlywayConfigurationCustomizer relationshipProjectionMigrations() {
        return configuration -> {
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            locations.add(new Location(MIGRATIONS));
            configuration.locations(locations.toArray(Location[]::new));
        };
    }
}
