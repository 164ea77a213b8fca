package io.bantam.relationship.support;

import io.bantam.events.Topics;
import io.bantam.testing.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads a topic from the beginning, as a consumer of this service's events (or of its dead letters) would. */
public final class TopicReader implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    /** {@value Topics#RELATIONSHIPS}: what this service publishes. */
    public static TopicReader relationships() {
        return new TopicReader(Topics.RELATIONSHIPS);
    }

    public TopicReader(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "relationship-test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** The records matching, waiting until there are {@code count} of them. */
    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> matching, int count) {
        return org.awaitility.Awaitility.await("records on the topic")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                    return received.stream().filter(matching).toList();
                }, found -> found.size() >= count);
    }

    public ConsumerRecord<String, String> awaitOne(Predicate<ConsumerRecord<String, String>> matching) {
        return await(matching, 1).get(0);
    }

    /** Everything matching that arrived within the given time (to show that something did not arrive). */
    public List<ConsumerRecord<String, String>> within(Duration time, Predicate<ConsumerRecord<String, String>> matching) {
        long end = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < end) {
            consumer.poll(Duration.ofMillis(100)).forEach(received::add);
        }
        return received.stream().filter(matching).toList();
    }

    public static Map<String, Object> json(ConsumerRecord<String, String> record) {
        return JSON.readValue(record.value(), new TypeReference<Map<String, Object>>() { });
    }

    /** Whether the record is an event of that type about that relationship. */
    public static Predicate<ConsumerRecord<String, String>> event(String type, UUID relationshipId) {
        return record -> {
            Map<String, Object> event = json(record);
            return type.equals(event.get("type")) && relationshipId.toString().equals(event.get("relationshipId"));
        };
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
