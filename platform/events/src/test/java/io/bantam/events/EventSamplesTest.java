package io.bantam.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bantam.events.bookings.BookingCancelled;
import io.bantam.events.bookings.BookingCreated;
import io.bantam.events.bookings.BookingRescheduled;
import io.bantam.events.bookings.BookingSnapshot;
import io.bantam.events.identity.UserProfileUpdated;
import io.bantam.events.identity.UserRegistered;
import io.bantam.events.identity.UserSnapshot;
import io.bantam.events.relationships.RelationshipCreated;
import io.bantam.events.relationships.RelationshipEnded;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contract tests: each event record serialises to exactly its committed sample, and the sample reads back
 * into an equal record. A field renamed in Java without changing the contract fails here.
 */
class EventSamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final UUID ADA = UUID.fromString("5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final UUID FREELANCER = UUID.fromString("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
    private static final UUID RELATIONSHIP = UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    private static final UUID BOOKING = UUID.fromString("b0a1c2d3-e4f5-4a6b-9c7d-8e9f0a1b2c3d");
    private static final BookingSnapshot BOOKED = new BookingSnapshot(BOOKING, FREELANCER, ADA, "Kick-off call", null,
            Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-07T10:00:00Z"), 60, ADA, "Europe/Berlin");
    private static final BookingSnapshot MOVED = new BookingSnapshot(BOOKING, FREELANCER, ADA, "Kick-off call",
            "Studio, 2nd floor", Instant.parse("2026-12-08T13:30:00Z"), Instant.parse("2026-12-08T15:00:00Z"), 90,
            ADA, "Europe/Berlin");

    static Stream<BantamEvent> samples() {
        return Stream.of(
                new UserRegistered(UUID.fromString("0b6f2a56-7c1e-4f0a-9d7e-2f3c1a9b8e01"), UserRegistered.TYPE,
                        Instant.parse("2026-12-01T09:00:00Z"),
                        new UserSnapshot(ADA, "ada@example.com", "Ada Lovelace", "CLIENT", "Europe/London",
                                null, null, null)),
                new UserProfileUpdated(UUID.fromString("7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d"),
                        UserProfileUpdated.TYPE, Instant.parse("2026-12-02T10:30:00Z"),
                        new UserSnapshot(ADA, "ada@example.com", "Ada King", "CLIENT", "Europe/London",
                                "+44 20 7946 0000", "Ada", "she/her")),
                new RelationshipCreated(UUID.fromString("3f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f"),
                        RelationshipCreated.TYPE, Instant.parse("2026-12-01T09:05:00Z"), RELATIONSHIP, FREELANCER, ADA),
                new RelationshipEnded(UUID.fromString("4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d"),
                        RelationshipEnded.TYPE, Instant.parse("2027-01-15T17:30:00Z"), RELATIONSHIP, FREELANCER, ADA),
                new BookingCreated(UUID.fromString("6e1f0a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b"), BookingCreated.TYPE,
                        Instant.parse("2026-12-01T09:10:00Z"), BOOKED),
                new BookingRescheduled(UUID.fromString("7f2a1b3c-4d5e-4f6a-9b7c-8d9e0f1a2b3c"),
                        BookingRescheduled.TYPE, Instant.parse("2026-12-02T14:00:00Z"), MOVED,
                        Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-07T10:00:00Z"), FREELANCER),
                new BookingCancelled(UUID.fromString("8a3b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"), BookingCancelled.TYPE,
                        Instant.parse("2026-12-03T08:45:00Z"), MOVED, ADA));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void recordSerialisesToItsCommittedSample(BantamEvent event) throws IOException {
        JsonNode expected = JSON.readTree(sample(event.type()));

        JsonNode actual = JSON.readTree(JSON.writeValueAsString(event));

        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleReadsBackIntoTheRecordItsTypeNames(BantamEvent event) throws IOException {
        String json = sample(event.type());
        String type = JSON.readTree(json).get("type").asString();

        BantamEvent read = JSON.readValue(json, EventTypes.recordFor(type).orElseThrow());

        assertThat(read).isEqualTo(event);
    }

    @Test
    void everyTypeHasASample() {
        for (Map.Entry<String, Class<? extends BantamEvent>> entry : EventTypes.all().entrySet()) {
            assertThat(resource(entry.getKey())).as("sample for %s", entry.getKey()).isNotNull();
        }
    }

    @Test
    void userEventsAreKeyedByUserIdOnTheUsersTopic() {
        UserRegistered event = UserRegistered.of(
                new UserSnapshot(ADA, "ada@example.com", "Ada", "CLIENT", "UTC", null, null, null),
                Instant.parse("2026-12-01T09:00:00Z"));

        assertThat(event.topic()).isEqualTo("bantam.identity.users.v1");
        assertThat(event.key()).isEqualTo(ADA.toString());
        assertThat(JSON.readTree(JSON.writeValueAsString(event)).has("key")).isFalse();
    }

    @Test
    void relationshipEventsAreKeyedByFreelancerIdOnTheRelationshipsTopic() {
        RelationshipCreated event = RelationshipCreated.of(RELATIONSHIP, FREELANCER, ADA, Instant.now());

        assertThat(event.topic()).isEqualTo("bantam.relationships.v1");
        assertThat(event.key()).isEqualTo(FREELANCER.toString());
    }

    @Test
    void bookingEventsAreKeyedByFreelancerIdOnTheBookingsTopic() {
        BookingCancelled event = BookingCancelled.of(BOOKED, ADA, Instant.now());

        assertThat(event.topic()).isEqualTo("bantam.bookings.v1");
        assertThat(event.key()).isEqualTo(FREELANCER.toString());
        assertThat(JSON.readTree(JSON.writeValueAsString(event)).has("topic")).isFalse();
    }

    @Test
    void aBookingEventWithoutTheFreelancersZoneStillReads() throws IOException {
        JsonNode tree = JSON.readTree(sample(BookingCreated.TYPE));
        ((tools.jackson.databind.node.ObjectNode) tree.get("booking")).remove("freelancerTimeZone");

        BookingCreated read = JSON.readValue(JSON.writeValueAsString(tree), BookingCreated.class);

        assertThat(read.booking().freelancerTimeZone()).isNull();
        assertThat(read.booking()).isEqualTo(new BookingSnapshot(BOOKING, FREELANCER, ADA, "Kick-off call", null,
                Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-07T10:00:00Z"), 60, ADA));
    }

    @Test
    void aBookingSnapshotRefusesAnEmptyTime() {
        Instant at = Instant.parse("2026-12-07T09:00:00Z");
        assertThatThrownBy(() -> new BookingSnapshot(BOOKING, FREELANCER, ADA, "Call", null, at, at, 0, ADA))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecordRefusesAForeignTypeName() {
        assertThatThrownBy(() -> new UserRegistered(UUID.randomUUID(), "UserProfileUpdated", Instant.now(),
                new UserSnapshot(ADA, "ada@example.com", "Ada", "CLIENT", "UTC", null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String sample(String type) throws IOException {
        try (InputStream in = resource(type)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream resource(String type) {
        for (String folder : new String[] {"identity", "relationships", "bookings"}) {
            InputStream in = EventSamplesTest.class.getResourceAsStream("/samples/" + folder + "/" + type + ".json");
            if (in != null) {
                return in;
            }
        }
        return null;
    }
}
