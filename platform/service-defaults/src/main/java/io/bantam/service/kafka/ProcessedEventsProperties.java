package io.bantam.service.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@link ProcessedEvents}, switched on by name ({@code bantam.processed-events.enabled: true}).
 *
 * @param retention how long the record of a processed event is kept: longer than the broker keeps records (7 days
 *     by default), so a redelivery never outlives it
 * @param purgeInterval how often older records are deleted
 */
@ConfigurationProperties("bantam.processed-events")
public record ProcessedEventsProperties(
        @DefaultValue("30d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval) {
}
