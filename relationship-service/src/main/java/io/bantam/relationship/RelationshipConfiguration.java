package io.bantam.relationship;

import io.bantam.events.Topics;
import io.bantam.service.kafka.KafkaDefaultsAutoConfiguration;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** What the service needs beyond its features: a clock and its topics. */
@Configuration(proxyBeanMethods = false)
class RelationshipConfiguration {

    /** Partitions of both topics: one freelancer's (one user's) events keep their order, being keyed by its id. */
    static final int PARTITIONS = 3;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The topic this service publishes; created at start-up when missing. */
    @Bean
    NewTopic relationshipsTopic() {
        return TopicBuilder.name(Topics.RELATIONSHIPS).partitions(PARTITIONS).build();
    }

    /**
     * The topic this service consumes, declared as identity-service declares it (same partitions), so the
     * consumer is assigned its partitions at once whichever service starts first. Creating a topic that exists
     * is a no-op.
     */
    @Bean
    NewTopic usersTopic() {
        return TopicBuilder.name(Topics.IDENTITY_USERS).partitions(PARTITIONS).build();
    }

    /** Where this service's consumer puts the user events it cannot apply (service-defaults' error handler). */
    @Bean
    NewTopic usersDeadLetterTopic() {
        return TopicBuilder.name(Topics.IDENTITY_USERS + KafkaDefaultsAutoConfiguration.DEAD_LETTER_SUFFIX)
                .partitions(PARTITIONS).build();
    }
}
