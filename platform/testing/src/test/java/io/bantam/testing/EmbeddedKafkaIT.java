package io.bantam.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaIT {

    @Test
    void aRecordSentToTheBrokerIsReceivedWithItsKey() throws Exception {
        String bootstrapServers = TestInfrastructure.kafkaBootstrapServers();
        String topic = "round-trip-" + UUID.randomUUID();

        try (KafkaProducer<String, String> producer = KafkaClients.producer(bootstrapServers);
             KafkaConsumer<String, String> consumer = KafkaClients.consumer(bootstrapServers, topic)) {
            producer.send(new ProducerRecord<>(topic, "user-1", "hello")).get();

            List<String> received = KafkaClients.values();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> KafkaClients.pollInto(consumer, received), values -> !values.isEmpty());

            assertThat(received).containsExactly("hello");
        }
    }

    @Test
    void theBrokerIsStartedOncePerJvm() {
        assertThat(TestInfrastructure.kafkaBootstrapServers()).isEqualTo(TestInfrastructure.kafkaBootstrapServers());
    }
}
