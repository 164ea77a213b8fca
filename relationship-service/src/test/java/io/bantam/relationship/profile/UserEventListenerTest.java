package io.bantam.relationship.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bantam.events.identity.UserEvent;
import io.bantam.events.identity.UserProfileUpdated;
import io.bantam.events.identity.UserRegistered;
import io.bantam.events.identity.UserSnapshot;
import io.bantam.events.relationships.RelationshipCreated;
import io.bantam.relationship.profile.domain.UserProfile;
import io.bantam.service.kafka.UnreadableEventException;
import io.bantam.service.security.Role;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** How a record of the users topic becomes a profile, or is refused for the dead-letter topic. */
class UserEventListenerTest {

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00.123Z");

    private final JsonMapper json = JsonMapper.builder().build();
    private final UserEventListener listener = new UserEventListener(null, json);
    private final UserSnapshot ada = new UserSnapshot(UUID.randomUUID(), "ada@example.com", "Ada", "CLIENT",
            "Europe/Berlin", "+49 30 1234", "Countess", "she/her");

    @Test
    void aRegistrationAndAProfileChangeAreProfilesAsOfWhenTheyHappened() {
        for (UserEvent event : new UserEvent[] {UserRegistered.of(ada, AT), UserProfileUpdated.of(ada, AT)}) {
            UserProfile profile = UserEventListener.profile(listener.read(json.writeValueAsString(event)));

            assertThat(profile).isEqualTo(new UserProfile(ada.id(), "ada@example.com", "Ada", Role.CLIENT,
                    "Europe/Berlin", "+49 30 1234", "Countess", "she/her", AT));
        }
    }

    @Test
    void fieldsAddedLaterAreIgnored() {
        String value = json.writeValueAsString(UserProfileUpdated.of(ada, AT))
                .replace("\"user\":{", "\"source\":\"v2\",\"user\":{\"avatar\":\"ada.png\",");

        assertThat(UserEventListener.profile(listener.read(value)).name()).isEqualTo("Ada");
    }

    @Test
    void whatCanNeverBeAppliedIsUnreadable() {
        String noUser = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"UserProfileUpdated\",\"occurredAt\":\""
                + AT + "\"}";
        String relationshipEvent = json.writeValueAsString(RelationshipCreated.of(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), AT));
        for (String value : new String[] {null, "", "not json", "[]", "{}", "{\"type\":\"UserDeleted\"}", noUser,
                relationshipEvent, "{\"type\":\"UserRegistered\",\"eventId\":\"x\"}"}) {
            assertThatThrownBy(() -> listener.read(value)).as(String.valueOf(value))
                    .isInstanceOf(UnreadableEventException.class);
        }
    }

    @Test
    void aProfileThisServiceCannotHoldIsUnreadable() {
        UserSnapshot admin = new UserSnapshot(ada.id(), ada.email(), "Eve", "ADMIN", "UTC", null, null, null);
        UserSnapshot nameless = new UserSnapshot(ada.id(), ada.email(), null, "CLIENT", "UTC", null, null, null);
        UserSnapshot zoneless = new UserSnapshot(ada.id(), ada.email(), "Ada", "CLIENT", null, null, null, null);

        for (UserSnapshot snapshot : new UserSnapshot[] {admin, nameless, zoneless}) {
            UserEvent event = listener.read(json.writeValueAsString(UserProfileUpdated.of(snapshot, AT)));
            assertThatThrownBy(() -> UserEventListener.profile(event)).isInstanceOf(UnreadableEventException.class);
        }
    }
}
