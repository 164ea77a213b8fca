package io.bantam.testing;

import java.util.Locale;

/**
 * The real PostgreSQL and Kafka that tests run against.
 *
 * <p>Each server starts once per JVM, on first use, and stops when the JVM exits. Where they come
 * from is chosen with the system property {@value #MODE_PROPERTY}:
 * <ul>
 *   <li>{@code embedded}: PostgreSQL from embedded binaries (zonky) and an in-process KRaft Kafka
 *       broker; needs nothing but a JDK;</li>
 *   <li>{@code testcontainers}: PostgreSQL and Kafka containers on a Docker engine;</li>
 *   <li>{@code auto} (the default): Testcontainers when a Docker engine answers, else embedded.</li>
 * </ul>
 */
public final class TestInfrastructure {

    /** System property choosing the infrastructure: {@code embedded}, {@code testcontainers} or {@code auto}. */
    public static final String MODE_PROPERTY = "bantam.test.infrastructure";

    /** Where the servers come from. */
    public enum Mode {
        EMBEDDED, TESTCONTAINERS
    }

    private TestInfrastructure() {
    }

    /** A new, empty database with a role of its own that owns it. */
    public static PostgresDatabase newDatabase() {
        return newDatabase("test");
    }

    /**
     * A new, empty database with a role of its own that owns it.
     *
     * @param hint a readable part of the database name, e.g. the test class's simple name
     */
    public static PostgresDatabase newDatabase(String hint) {
        return Databases.create(backend().postgres(), hint);
    }

    /** The {@code host:port} list of the Kafka broker. */
    public static String kafkaBootstrapServers() {
        return backend().kafkaBootstrapServers();
    }

    /** The infrastructure chosen for this JVM. */
    public static Mode mode() {
        return ModeHolder.MODE;
    }

    private static Backend backend() {
        return mode() == Mode.TESTCONTAINERS ? ContainerBackend.INSTANCE : EmbeddedBackend.INSTANCE;
    }

    static Mode resolveMode(String requested, java.util.function.BooleanSupplier dockerAvailable) {
        String value = requested == null || requested.isBlank() ? "auto" : requested.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "embedded" -> Mode.EMBEDDED;
            case "testcontainers" -> Mode.TESTCONTAINERS;
            case "auto" -> dockerAvailable.getAsBoolean() ? Mode.TESTCONTAINERS : Mode.EMBEDDED;
            default -> throw new IllegalArgumentException(
                    MODE_PROPERTY + " must be embedded, testcontainers or auto, not '" + requested + "'");
        };
    }

    private static final class ModeHolder {
        static final Mode MODE = resolveMode(System.getProperty(MODE_PROPERTY), DockerProbe::dockerAvailable);
    }
}
