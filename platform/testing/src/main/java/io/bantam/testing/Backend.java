package io.bantam.testing;

/** One way of providing the servers; each starts them lazily, once per JVM. */
interface Backend {

    /** The PostgreSQL server, started on first call. */
    PostgresServer postgres();

    /** The Kafka broker's bootstrap servers, started on first call. */
    String kafkaBootstrapServers();

    /** A running PostgreSQL server and its superuser. */
    record PostgresServer(String host, int port, String adminUser, String adminPassword) {
    }
}
