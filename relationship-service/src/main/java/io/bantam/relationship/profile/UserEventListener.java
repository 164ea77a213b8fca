package io.bantam.relationship.profile;

import io.bantam.events.BantamEvent;
import io.bantam.events.EventTypes;
import io.bantam.events.Topics;
import io.bantam.events.identity.UserEvent;
import io.bantam.events.identity.UserSnapshot;
import io.bantam.relationship.profile.domain.UserProfile;
import io.bantam.service.kafka.UnreadableEventException;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds the profile projection from {@code bantam.identity.users.v1} (clients and freelancers alike). Every event
 * carries the whole profile after the change, so applying one is a conditional overwrite: idempotent, and an older
 * version arriving after a newer one changes nothing. A record that can never be applied goes to
 * {@code bantam.identity.users.v1.dlt} at once; a failure to write (database down) is retried with backoff and
 * then dead-lettered (service-defaults' error handler), so one record never stops the consumer.
 */
@Component
class UserEventListener {

    private static final Logger log = LoggerFactory.getLogger(UserEventListener.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final UserProfiles profiles;
    private final JsonMapper json;

    UserEventListener(UserProfiles profiles, JsonMapper json) {
        this.profiles = profiles;
        this.json = json;
    }

    @KafkaListener(id = "${spring.application.name:relationship-service}-users", topics = Topics.IDENTITY_USERS,
            groupId = "${bantam.users.projection.group-id:${spring.application.name:relationship-service}}")
    void on(ConsumerRecord<String, String> record) {
        UserEvent event = read(record.value());
        UserProfile profile = profile(event);
        Boolean applied = profiles.apply(profile).block(WRITE_TIMEOUT);
        log.debug("{} {} for user {}: {}", event.type(), event.eventId(), profile.id(),
                Boolean.TRUE.equals(applied) ? "applied" : "older than the known profile, ignored");
    }

    UserEvent read(String value) {
        if (value == null) {
            throw new UnreadableEventException("A user event without a value", null);
        }
        try {
            JsonNode tree = json.readTree(value);
            JsonNode type = tree.get("type");
            Class<? extends BantamEvent> recordType = EventTypes.recordFor(type == null ? null : type.asString())
                    .filter(UserEvent.class::isAssignableFrom)
                    .orElseThrow(() -> new UnreadableEventException("Not a user event type: " + type, null));
            return (UserEvent) json.readerFor(recordType)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(tree);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("An unreadable user event", e);
        }
    }

    static UserProfile profile(UserEvent event) {
        UserSnapshot user = event.user();
        try {
            return UserProfile.of(user.id(), user.email(), user.name(), user.role(), user.timeZone(), user.phone(),
                    user.preferredName(), user.pronouns(), event.occurredAt());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("A user event without a whole profile: " + event.eventId(), e);
        }
    }
}
