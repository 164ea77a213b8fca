package io.bantam.testing;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL and Kafka as Testcontainers, for machines with a Docker engine. Each container
 * starts on first use; Testcontainers removes them when the JVM exits.
 */
final class ContainerBackend implements Backend {

    static final ContainerBackend INSTANCE = new ContainerBackend();

    /** System property overriding the PostgreSQL image. */
    static final String POSTGRES_IMAGE_PROPERTY = "bantam.test.postgres-image";
    /** System property overriding the Kafka image. */
    static final String KAFKA_IMAGE_PROPERTY = "bantam.test.kafka-image";

    private ContainerBackend() {
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

        @SuppressWarnings("resource") // stopped by Testcontainers at JVM exit
        private static PostgresServer start() {
            PostgreSQLContainer container = new PostgreSQLContainer(
                    DockerImageName.parse(System.getProperty(POSTGRES_IMAGE_PROPERTY, "postgres:18-alpine")))
                    .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
            container.start();
            return new PostgresServer(container.getHost(), container.getMappedPort(5432),
                    container.getUsername(), container.getPassword());
        }
    }

    private static final class KafkaHolder {
        static final String BOOTSTRAP_SERVERS = start();

        @SuppressWarnings("resource") // stopped by Testcontainers at JVM exit
        private static String start() {
            KafkaContainer container = new KafkaContainer(
                    DockerImageName.parse(System.getProperty(KAFKA_IMAGE_PROPERTY, "apache/kafka:4.1.2")));
            container.start();
            return container.getBootstrapServers();
        }
    }
}
