package io.bantam.local.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bantam.local.LocalSystem;
import io.bantam.testing.Ports;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the fault suites use to break the system and mend it: {@link LocalSystem#stopService},
 * {@link LocalSystem#startService}, {@link LocalSystem#stopKafka} and {@link LocalSystem#startKafka} (and
 * {@link LocalSystem#killService}, exercised by {@link FaultsIT}). Each leaves the system as it found it.
 */
@Order(800)
@ExtendWith(RunningSystem.Shared.class)
class LocalSystemControlIT {

    private static RunningSystem system;

    @BeforeAll
    static void theSystem(RunningSystem running) {
        system = running;
    }

    @Test
    void aStoppedServiceClosesItsPortAndStartsAgainOnItWithTheSameLog() throws Exception {
        LocalSystem local = system.local();
        int port = system.settings().service("notes").port();
        long pid = local.service("notes").process().pid();

        local.stopService("notes");

        assertThat(local.isRunning("notes")).isFalse();
        assertThat(Ports.isListening(port)).as("port %d after the stop", port).isFalse();
        assertThat(local.service("notes").process().exitValue()).as("a graceful stop (SIGTERM)").isEqualTo(143);

        local.startService("notes");

        assertThat(local.isRunning("notes")).isTrue();
        assertThat(local.service("notes").process().pid()).isNotEqualTo(pid);
        assertThat(local.service("notes").log()).isEqualTo(system.logDir().resolve("notes.log"));
        assertThat(system.service("notes").get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(local.pids()).containsEntry("notes", local.service("notes").process().pid());
    }

    @Test
    void aServiceThatRunsIsNotStartedTwice() {
        assertThatThrownBy(() -> system.local().startService("task"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("still runs");
        assertThat(system.local().isRunning("task")).isTrue();
    }

    @Test
    void theBrokerStopsAndStartsAgainOnItsPortWithItsData() {
        LocalSystem local = system.local();
        int port = system.settings().kafkaPort();
        World.User user = World.signUp(system.gateway(), "CLIENT", "broker");
        await().atMost(Duration.ofSeconds(30)).until(() -> registered(user), found -> found);

        local.stopKafka();

        assertThat(local.isKafkaRunning()).isFalse();
        assertThat(Ports.isListening(port)).as("Kafka's port %d after the stop", port).isFalse();

        local.startKafka();

        assertThat(local.isKafkaRunning()).isTrue();
        assertThat(Ports.isListening(port)).as("Kafka's port %d after the start", port).isTrue();
        assertThat(registered(user)).as("%s's UserRegistered, kept across the restart", user.email()).isTrue();
    }

    private static boolean registered(World.User user) {
        return !Topics.read(system.kafkaBootstrapServers(), Topics.USERS,
                event -> event.value().path("user").path("id").asString("").equals(user.id())).isEmpty();
    }

    /**
     * Whichever service starts first, every consumer of the relationships topic is assigned all its partitions:
     * with the broker's default of one partition, a consumer that created the topic before relationship-service
     * declared it with three was assigned only the first, and events keyed to the others waited minutes.
     */
    @Test
    void everyConsumerOfTheRelationshipsTopicIsAssignedEveryPartition() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                int partitions = admin.describeTopics(List.of(Topics.RELATIONSHIPS)).allTopicNames().get()
                        .get(Topics.RELATIONSHIPS).partitions().size();
                assertThat(partitions).isEqualTo(3);
                Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(
                        List.of("booking-service", "task-service", "notes-service")).all().get();
                assertThat(groups).allSatisfy((group, description) -> assertThat(description.members().stream()
                        .flatMap(member -> member.assignment().topicPartitions().stream())
                        .filter(partition -> partition.topic().equals(Topics.RELATIONSHIPS)).count())
                        .as("partitions of %s assigned in group %s", Topics.RELATIONSHIPS, group)
                        .isEqualTo(partitions));
            });
        }
    }
}
