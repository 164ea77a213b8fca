package io.bantam.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaProcessIT {

    @TempDir
    Path folder;

    @Test
    void aRestartedBrokerKeepsItsRecordsAndAddressAndTakesWhatWasSentWhileItWasDown() throws Exception {
        String topic = "restart";
        try (KafkaProcess kafka = KafkaProcess.builder(folder.resolve("data")).logDir(folder.resolve("logs")).build()) {
            kafka.start();
            String address = kafka.bootstrapServers();
            long firstPid = kafka.pid();

            try (KafkaProducer<String, String> producer = KafkaClients.producer(address)) {
                producer.send(new ProducerRecord<>(topic, "k", "before")).get(30, TimeUnit.SECONDS);

                kafka.stop();
                assertThat(kafka.isRunning()).isFalse();
                assertThat(Ports.isListening(kafka.port())).isFalse();

                // send() itself may block (max.block.ms) until it has metadata again, i.e. until the broker is
                // back: hand the record over from another thread while this one restarts the broker
                CompletableFuture<Future<RecordMetadata>> sentWhileDown = CompletableFuture.supplyAsync(
                        () -> producer.send(new ProducerRecord<>(topic, "k", "during")));
                kafka.start();
                assertThat(kafka.bootstrapServers()).isEqualTo(address);
                assertThat(kafka.pid()).isNotEqualTo(firstPid);
                sentWhileDown.get(60, TimeUnit.SECONDS).get(60, TimeUnit.SECONDS);
                producer.send(new ProducerRecord<>(topic, "k", "after")).get(30, TimeUnit.SECONDS);
            }

            try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(address, topic)) {
                List<String> received = KafkaClients.values();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> KafkaClients.pollInto(consumer, received), values -> values.size() >= 3);
                assertThat(received).containsExactly("before", "during", "after");
            }
            assertThat(kafka.logFile()).isEqualTo(folder.resolve("logs").resolve("kafka.log"));
            assertThat(Files.size(kafka.logFile())).isPositive();
        }
    }

    @Test
    void brokerJvmOptionsReachTheBrokerOnlyNotTheStorageFormatter() throws Exception {
        // an archive written at JVM exit: the formatter (which exits before the broker starts) must not write it,
        // the broker writes it when it stops cleanly
        Path archive = folder.resolve("broker.jsa");
        String option = "-XX:ArchiveClassesAtExit=" + archive;
        // the JVM archives nothing from a classpath with a non-empty folder (this test's target/classes)
        String jars = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty() && !Files.isDirectory(Path.of(entry)))
                .collect(Collectors.joining(File.pathSeparator));
        try (KafkaProcess kafka = KafkaProcess.builder(folder.resolve("data")).logDir(folder.resolve("logs"))
                .classpath(jars).brokerJvmOptions(List.of(option)).build()) {
            kafka.start();

            assertThat(ProcessHandle.of(kafka.pid()).orElseThrow().info().arguments().orElseThrow()).contains(option);
            assertThat(archive).as("the formatter ran without the broker's options").doesNotExist();

            kafka.stop();
            assertThat(archive).as("written by the broker at its clean stop").isNotEmptyFile();
        }
    }
}
