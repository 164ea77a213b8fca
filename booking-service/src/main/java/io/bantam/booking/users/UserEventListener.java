package io.bantam.booking.users;

import io.bantam.events.Topics;
import io.bantam.events.identity.UserEvent;
import io.bantam.events.identity.UserSnapshot;
import io.bantam.service.kafka.EventReader;
import io.bantam.service.kafka.UnreadableEventException;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Learns users' names (and time zones) from {@code bantam.identity.users.v1}, as relationship-service does. Every
 * event carries the whole profile, so applying one is a conditional overwrite by {@code occurredAt}: idempotent
 * without a processed-events record. A record that can never be applied goes to the dead-letter topic at once.
 */
@Component
class UserEventListener {

    private static final Logger log = LoggerFactory.getLogger(UserEventListener.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final UserNames users;
    private final JsonMapper json;

    UserEventListener(UserNames users, JsonMapper json) {
        this.users = users;
        this.json = json;
    }

    @KafkaListener(id = "${spring.application.name:booking-service}-users", topics = Topics.IDENTITY_USERS,
            groupId = "${bantam.calendar.users.group-id:${spring.application.name:booking-service}}")
    void on(ConsumerRecord<String, String> record) {
        UserEvent event = EventReader.read(json, record.value(), UserEvent.class);
        UserSnapshot user = event.user();
        if (user == null || user.id() == null || user.name() == null) {
            throw new UnreadableEventException("A user event without a user: " + event.eventId(), null);
        }
        Boolean applied = users.apply(user.id(), user.name(), user.timeZone(), event.occurredAt())
                .block(WRITE_TIMEOUT);
        log.debug("{} {} for user {}: {}", event.type(), event.eventId(), user.id(),
                Boolean.TRUE.equals(applied) ? "applied" : "older than the known version, ignored");
    }
}
