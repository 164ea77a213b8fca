package io.bantam.identity;

import static org.awaitility.Awaitility.await;

import io.bantam.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@value Topics#IDENTITY_USERS} from the beginning, as a consumer of identity's events would. */
final class UsersTopic implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    UsersTopic(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "identity-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.IDENTITY_USERS));
    }

    /** Everything received so far, after one more poll. */
    List<ConsumerRecord<String, String>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        return List.copyOf(received);
    }

    /** The first record matching, waiting for it to arrive. */
    ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> matching) {
        return await("a matching record on " + Topics.IDENTITY_USERS)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> poll().stream().filter(matching).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** Polls until this consumer has read up to the current end of every partition. */
    List<ConsumerRecord<String, String>> drain() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            if (consumer.assignment().isEmpty()) {
                return false;
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
            return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
        });
        return List.copyOf(received);
    }

    static Map<String, Object> json(ConsumerRecord<String, String> record) {
        return JSON.readValue(record.value(), new TypeReference<Map<String, Object>>() { });
    }

    static boolean is(ConsumerRecord<String, String> record, String type, UUID userId) {
        return userId.toString().equals(record.key()) && type.equals(json(record).get("type"));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
