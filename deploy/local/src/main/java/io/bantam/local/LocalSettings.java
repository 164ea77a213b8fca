package io.bantam.local;

import io.bantam.testing.KafkaProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code ./bantam up} needs to know, read from the environment so that a test can run a
 * second system beside a developer's (other state folder, other ports).
 *
 * <table>
 *   <caption>Environment</caption>
 *   <tr><td>{@code BANTAM_PORT_OFFSET}</td><td>added to every port below (default 0)</td></tr>
 *   <tr><td>{@code BANTAM_PG_PORT}</td><td>PostgreSQL (default 5432)</td></tr>
 *   <tr><td>{@code BANTAM_KAFKA_PORT}</td><td>Kafka clients (default 9092)</td></tr>
 *   <tr><td>{@code BANTAM_KAFKA_CONTROLLER_PORT}</td><td>Kafka's KRaft controller (default 9093)</td></tr>
 *   <tr><td>{@code BANTAM_<NAME>_PORT}</td><td>one service, e.g. {@code BANTAM_IDENTITY_PORT}</td></tr>
 *   <tr><td>{@code BANTAM_CDS}</td><td>{@code false} turns the AppCDS archives off (default on)</td></tr>
 *   <tr><td>{@code BANTAM_SPRING_AOT}</td><td>{@code false} starts the services without the bean definitions Spring AOT
 *       worked out at build time (default: with them, see {@link SpringAot})</td></tr>
 *   <tr><td>{@code BANTAM_JVM_OPTS}</td><td>replaces the services' JVM options</td></tr>
 *   <tr><td>{@code BANTAM_KAFKA_JVM_OPTS}</td><td>replaces the Kafka broker's JVM options</td></tr>
 *   <tr><td>{@code BANTAM_READY_TIMEOUT}</td><td>seconds to wait for every readiness probe (default 180)</td></tr>
 * </table>
 *
 * @param root       the repository: {@code deploy/local/services.conf} and the modules' jars
 * @param state      the git-ignored state folder, {@code .bantam/}
 * @param services   the processes to run, in start order, with their resolved ports
 * @param serviceEnvironment extra environment for every service process, on top of (and winning over)
 *                   what the launcher sets: e.g. tests raising the gateway's rate limits. Empty for
 *                   {@code ./bantam up}, whose services simply inherit the launcher's environment.
 */
public record LocalSettings(
        Path root,
        Path state,
        List<Service> services,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        boolean classDataSharing,
        boolean springAot,
        List<String> jvmOptions,
        List<String> kafkaJvmOptions,
        Duration readyTimeout,
        Duration stopTimeout,
        Map<String, String> serviceEnvironment) {

    /**
     * Flags for a quick start and a small footprint; measured in docs/local.md. {@code -Xmn16m}: a young generation
     * of fixed 16 MB. The serial collector would otherwise give it a third of the heap, up to 64 MB, and every page
     * of it gets touched within seconds of load, because allocation sweeps all of eden between collections. That is
     * ~45 MB of resident memory per service. A young collection of a service's few MB of live request data takes
     * about a millisecond.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xms32m", "-Xmx192m", "-Xmn16m",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxDirectMemorySize=64m");

    /** The catalog's path inside the repository. */
    public static final String CATALOG = "deploy/local/services.conf";

    /** The gateway's management port (its actuator: metrics) is its port plus this, on loopback only. */
    public static final int MANAGEMENT_PORT_DISTANCE = 10;

    /** A service with the port it runs on this time. */
    public record Service(ServiceDefinition definition, int port) {
        public String name() {
            return definition.name();
        }

        /** Whether this is the public door: the one process that may listen beyond loopback. */
        public boolean isGateway() {
            return "gateway".equals(definition.name());
        }

        /** The gateway's actuator port (loopback only); the services keep their actuator on their own port. */
        public int managementPort() {
            return port + MANAGEMENT_PORT_DISTANCE;
        }

        public String url() {
            return "http://localhost:" + port;
        }
    }

    public LocalSettings {
        root = root.toAbsolutePath().normalize();
        state = state.toAbsolutePath().normalize();
        services = List.copyOf(services);
        jvmOptions = List.copyOf(jvmOptions);
        kafkaJvmOptions = List.copyOf(kafkaJvmOptions);
        serviceEnvironment = Collections.unmodifiableMap(new LinkedHashMap<>(serviceEnvironment));
    }

    /** Settings for the repository at {@code root}, with state in {@code state}, from {@code env}. */
    public static LocalSettings from(Path root, Path state, Map<String, String> env) throws IOException {
        int offset = intValue(env, "BANTAM_PORT_OFFSET", 0);
        List<Service> services = new ArrayList<>();
        for (ServiceDefinition definition : ServiceDefinition.readCatalog(root.resolve(CATALOG))) {
            services.add(new Service(definition, intValue(env, definition.portVariable(), definition.port() + offset)));
        }
        List<String> jvmOptions = options(env.get("BANTAM_JVM_OPTS"), DEFAULT_JVM_OPTIONS);
        List<String> kafkaJvmOptions = options(env.get("BANTAM_KAFKA_JVM_OPTS"), KafkaProcess.DEFAULT_JVM_OPTIONS);
        return new LocalSettings(
                root,
                state,
                services,
                intValue(env, "BANTAM_PG_PORT", 5432 + offset),
                intValue(env, "BANTAM_KAFKA_PORT", 9092 + offset),
                intValue(env, "BANTAM_KAFKA_CONTROLLER_PORT", 9093 + offset),
                !"false".equalsIgnoreCase(env.getOrDefault("BANTAM_CDS", "true")),
                !"false".equalsIgnoreCase(env.getOrDefault("BANTAM_SPRING_AOT", "true")),
                jvmOptions,
                kafkaJvmOptions,
                Duration.ofSeconds(intValue(env, "BANTAM_READY_TIMEOUT", 180)),
                Duration.ofSeconds(20),
                Map.of());
    }

    /** The same settings, every service process also getting {@code environment} (later entries win). */
    public LocalSettings withServiceEnvironment(Map<String, String> environment) {
        Map<String, String> merged = new LinkedHashMap<>(serviceEnvironment);
        merged.putAll(environment);
        return new LocalSettings(root, state, services, postgresPort, kafkaPort, kafkaControllerPort, classDataSharing,
                springAot, jvmOptions, kafkaJvmOptions, readyTimeout, stopTimeout, merged);
    }

    /** A service of this run by name. */
    public Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service '" + name + "' in " + CATALOG));
    }

    public Path dataDir() {
        return state.resolve("data");
    }

    public Path logDir() {
        return state.resolve("logs");
    }

    public Path appsDir() {
        return state.resolve("apps");
    }

    public Path pidFile() {
        return state.resolve("bantam.pid");
    }

    /** The gateway, or the last process started when there is none: where the system is "at". */
    public Service entryPoint() {
        return services.stream().filter(s -> s.name().equals("gateway")).findFirst()
                .orElse(services.get(services.size() - 1));
    }

    /** Every TCP port this system listens on. */
    public List<Integer> ports() {
        List<Integer> ports = new ArrayList<>(List.of(postgresPort, kafkaPort, kafkaControllerPort));
        services.forEach(s -> ports.add(s.port()));
        services.stream().filter(Service::isGateway).forEach(s -> ports.add(s.managementPort()));
        return ports;
    }

    private static List<String> options(String value, List<String> fallback) {
        return value == null || value.isBlank() ? fallback : Arrays.asList(value.trim().split("\\s+"));
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'", e);
        }
    }
}
