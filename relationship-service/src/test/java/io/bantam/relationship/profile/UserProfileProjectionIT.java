package io.bantam.relationship.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.events.Topics;
import io.bantam.events.identity.UserRegistered;
import io.bantam.events.identity.UserSnapshot;
import io.bantam.relationship.profile.domain.UserProfile;
import io.bantam.relationship.support.RelationshipJson;
import io.bantam.relationship.support.RelationshipServiceTestBase;
import io.bantam.relationship.support.TopicReader;
import io.bantam.service.kafka.KafkaDefaultsAutoConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The profile projection fed by {@code bantam.identity.users.v1}: a client's (or freelancer's) profile change shows
 * in the relationships within the contract's 5 seconds; duplicated and reordered events change nothing; a poison
 * message goes to the dead-letter topic and the consumer goes on.
 */
class UserProfileProjectionIT extends RelationshipServiceTestBase {

    private static final Logger log = LoggerFactory.getLogger(UserProfileProjectionIT.class);
    private static final Duration CONTRACT = Duration.ofSeconds(5);

    @Test
    void aClientsProfileChangeShowsInTheRelationshipWithinFiveSeconds() {
        User freelancer = freelancer();
        User client = client();
        RelationshipJson relationship = connected(freelancer, client);
        UserSnapshot changed = new UserSnapshot(client.id(), client.email(), "Ada King", "CLIENT", "America/New_York",
                "+1 212 555 0100", "Ada", "she/her");

        long published = System.nanoTime();
        publish(updated(changed, Instant.now()));
        await().atMost(CONTRACT).pollInterval(Duration.ofMillis(10))
                .until(() -> "Ada King".equals(list(freelancer, "").items().get(0).client().name()));
        log.info("A client's profile change showed in GET /api/relationships {} ms after it was published",
                Duration.ofNanos(System.nanoTime() - published).toMillis());

        assertThat(read(freelancer, relationship.id()).client()).isEqualTo(new RelationshipJson.Client(client.id(),
                "Ada King", client.email(), "+1 212 555 0100", "Ada", "she/her", "America/New_York"));
    }

    @Test
    void aFreelancersNameChangeShowsToItsClients() {
        User freelancer = freelancer();
        User client = client();
        RelationshipJson relationship = connected(freelancer, client);

        publish(updated(new UserSnapshot(freelancer.id(), freelancer.email(), "Grace Hopper", "FREELANCER", "UTC",
                null, null, null), Instant.now()));

        await().atMost(CONTRACT).until(() -> "Grace Hopper".equals(read(client, relationship.id()).freelancer().name()));
    }

    /**
     * The time from a published {@code UserProfileUpdated} to the changed profile in {@code GET /api/relationships},
     * polled every 5 ms, over many changes; logged for the issue note.
     */
    @Test
    void measureTheTimeFromAPublishedProfileChangeToTheRelationshipList() {
        User freelancer = freelancer();
        User client = client();
        connected(freelancer, client);
        publish(updated(snapshot(client, "warm-up"), Instant.now()));
        await().atMost(CONTRACT).until(() -> "warm-up".equals(list(freelancer, "").items().get(0).client().name()));

        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String name = "Ada " + i;
            long published = System.nanoTime();
            publish(updated(snapshot(client, name), Instant.now()));
            await().atMost(CONTRACT).pollInterval(Duration.ofMillis(5)).pollDelay(Duration.ZERO)
                    .until(() -> name.equals(list(freelancer, "").items().get(0).client().name()));
            micros.add(Duration.ofNanos(System.nanoTime() - published).toNanos() / 1000);
        }

        Collections.sort(micros);
        log.info("UserProfileUpdated published -> changed profile in GET /api/relationships, {} changes: median {} ms,"
                        + " p90 {} ms, max {} ms, min {} ms", micros.size(), ms(micros.get(micros.size() / 2)),
                ms(micros.get(micros.size() * 9 / 10)), ms(micros.get(micros.size() - 1)), ms(micros.get(0)));
        assertThat(micros.get(micros.size() - 1)).isLessThan(CONTRACT.toNanos() / 1000);
    }

    @Test
    void aRepeatedEventChangesNothing() {
        User client = client();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var first = updated(snapshot(client, "First"), now.plusSeconds(1));
        var second = updated(snapshot(client, "Second"), now.plusSeconds(2));

        publish(first);
        publish(second);
        publish(first);
        publish(second);
        publish(first);
        awaitEverythingPublishedFor(client);

        assertThat(profiles.findById(client.id()).block().name()).isEqualTo("Second");
    }

    @Test
    void anOlderProfileAfterANewerOneChangesNothing() {
        User freelancer = freelancer();
        User client = client();
        RelationshipJson relationship = connected(freelancer, client);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        publish(updated(snapshot(client, "Newer"), now.plusSeconds(10)));
        publish(updated(snapshot(client, "Older"), now.plusSeconds(5)));
        publish(new UserRegistered(UUID.randomUUID(), UserRegistered.TYPE, client.registeredAt(), client.snapshot()));
        awaitEverythingPublishedFor(client);

        UserProfile kept = profiles.findById(client.id()).block();
        assertThat(kept.name()).isEqualTo("Newer");
        assertThat(kept.asOf()).isEqualTo(now.plusSeconds(10));
        assertThat(read(freelancer, relationship.id()).client().name()).isEqualTo("Newer");
    }

    @Test
    void ofTwoVersionsMadeInTheSameMillisecondTheOneDeliveredLaterWins() {
        User client = client();
        Instant sameInstant = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(1);

        publish(updated(snapshot(client, "Before"), sameInstant));
        publish(updated(snapshot(client, "After"), sameInstant));
        awaitEverythingPublishedFor(client);

        assertThat(profiles.findById(client.id()).block().name()).isEqualTo("After");
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextEventIsApplied() {
        User client = client();
        String key = client.id().toString();
        List<String> poison = List.of(
                "not json at all",
                "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"UserProfileUpdated\",\"occurredAt\":\""
                        + Instant.now() + "\"}",
                "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"UserDeleted\",\"occurredAt\":\"" + Instant.now()
                        + "\",\"user\":{}}",
                json.writeValueAsString(updated(new UserSnapshot(client.id(), client.email(), "Eve", "ADMIN", "UTC",
                        null, null, null), Instant.now())));
        try (TopicReader deadLetters = new TopicReader(Topics.IDENTITY_USERS
                + KafkaDefaultsAutoConfiguration.DEAD_LETTER_SUFFIX)) {
            for (String value : poison) {
                kafka.send(Topics.IDENTITY_USERS, key, value).join();
            }
            publish(updated(snapshot(client, "Applied after the poison"), Instant.now()));

            await().atMost(WITHIN).until(() -> "Applied after the poison".equals(
                    profiles.findById(client.id()).block().name()));
            List<ConsumerRecord<String, String>> dead = deadLetters.await(record -> key.equals(record.key()), 4);
            assertThat(dead).extracting(ConsumerRecord::value).containsExactlyElementsOf(poison);
        }
    }

    @Test
    void anEventWithAFieldAddedLaterIsStillApplied() {
        User client = client();
        String value = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"UserProfileUpdated\",\"occurredAt\":\""
                + Instant.now() + "\",\"source\":\"a later version\",\"user\":{\"id\":\"" + client.id()
                + "\",\"email\":\"" + client.email() + "\",\"name\":\"Ada Later\",\"role\":\"CLIENT\","
                + "\"timeZone\":\"UTC\",\"phone\":null,\"preferredName\":null,\"pronouns\":null,\"avatar\":\"x.png\"}}";

        kafka.send(Topics.IDENTITY_USERS, client.id().toString(), value).join();

        await().atMost(WITHIN).until(() -> "Ada Later".equals(profiles.findById(client.id()).block().name()));
    }

    private static UserSnapshot snapshot(User user, String name) {
        return new UserSnapshot(user.id(), user.email(), name, user.role(), "Europe/Berlin", null, null, null);
    }

    /**
     * Publishes, on the user's key (so on its partition, after everything published for it before), a registration
     * of a marker user, and waits for that: then everything published before for the user has been applied.
     */
    private void awaitEverythingPublishedFor(User user) {
        UUID marker = UUID.randomUUID();
        UserSnapshot markerSnapshot = new UserSnapshot(marker, "marker-" + marker + "@example.com", "Marker", "CLIENT",
                "UTC", null, null, null);
        kafka.send(Topics.IDENTITY_USERS, user.id().toString(),
                json.writeValueAsString(UserRegistered.of(markerSnapshot, Instant.now()))).join();
        awaitKnown(marker);
    }

    private static String ms(long micros) {
        return String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0);
    }
}
