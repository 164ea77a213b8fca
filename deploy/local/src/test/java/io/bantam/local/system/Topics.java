package io.bantam.local.system;

import java.nio.charset.StandardCharsets;
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
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads the system's topics with a plain Kafka consumer, from the beginning, outside any consumer group. */
public final class Topics {

    public static final String USERS = "bantam.identity.users.v1";
    public static final String RELATIONSHIPS = "bantam.relationships.v1";
    public static final String BOOKINGS = "bantam.bookings.v1";

    /** A record as read: its value parsed, and its headers as text. */
    public record Event(String topic, String key, JsonNode value, Map<String, String> headers) {
        public String eventId() {
            return value.path("eventId").asString("");
        }

        public String type() {
            return value.path("type").asString("");
        }
    }

    private Topics() {
    }

    /** Every record of {@code topic} up to its current end whose value matches {@code wanted}. */
    public static List<Event> read(String bootstrapServers, String topic, Predicate<Event> wanted) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "system-suites-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return events; // no such topic yet: nothing was ever published to it
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 30 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Map<String, String> headers = new java.util.LinkedHashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), header.value() == null ? ""
                                : new String(header.value(), StandardCharsets.UTF_8));
                    }
                    JsonNode value;
                    try {
                        value = Api.JSON.readTree(record.value());
                    } catch (JacksonException notJson) {
                        continue; // not an event of ours
                    }
                    Event event = new Event(topic, record.key(), value, headers);
                    if (wanted.test(event)) {
                        events.add(event);
                    }
                }
            }
        }
        return events;
    }
}
