package io.bantam.service.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox's settings. The outbox itself is switched on by name, {@code bantam.outbox.enabled: true} in the
 * service's application.yml ({@link OutboxAutoConfiguration}).
 *
 * @param relayEnabled whether this instance publishes recorded events (every instance may: rows are claimed
 *     with {@code FOR UPDATE SKIP LOCKED})
 * @param pollInterval the safety net behind LISTEN/NOTIFY: how often the relay looks even without a wake-up
 * @param batchSize events claimed and published per transaction
 * @param retention how long published rows are kept before they are deleted
 */
@ConfigurationProperties("bantam.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("7d") Duration retention) {
}
