package io.bantam.identity;

import io.bantam.events.Topics;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/** What the service needs beyond its features: a clock, its topic, scheduled clean-ups. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdentityConfiguration {

    /** Partitions of the users topic: events of one user keep their order (keyed by user id). */
    static final int USERS_TOPIC_PARTITIONS = 3;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Created at start-up when missing; replication follows the broker's default. */
    @Bean
    NewTopic usersTopic() {
        return TopicBuilder.name(Topics.IDENTITY_USERS).partitions(USERS_TOPIC_PARTITIONS).build();
    }
}
