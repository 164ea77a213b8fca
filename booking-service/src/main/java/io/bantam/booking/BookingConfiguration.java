package io.bantam.booking;

import io.bantam.events.Topics;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** What the service needs beyond its features: a clock and its topic. */
@Configuration(proxyBeanMethods = false)
class BookingConfiguration {

    /** Partitions of the bookings topic: events of one freelancer keep their order (keyed by freelancer id). */
    static final int BOOKINGS_TOPIC_PARTITIONS = 3;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Created at start-up when missing; replication follows the broker's default. */
    @Bean
    NewTopic bookingsTopic() {
        return TopicBuilder.name(Topics.BOOKINGS).partitions(BOOKINGS_TOPIC_PARTITIONS).build();
    }
}
