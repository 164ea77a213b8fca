package io.bantam.local.system;

import io.bantam.local.LocalSettings;
import io.bantam.local.LocalSystem;
import io.bantam.testing.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole system, started once per test JVM for every system suite, the way {@code ./bantam up} starts it
 * (the same {@link LocalSystem}, catalog and jars) on moved ports, and stopped after the last test of the run.
 *
 * <p>A suite asks for it with {@code @ExtendWith(RunningSystem.Shared.class)} and a {@code RunningSystem}
 * parameter (of a {@code @BeforeAll} method, say). The first suite starts it; it lives in JUnit's root store, so
 * it is closed when the whole run ends, and closing it checks what {@code ./bantam down} promises: no port of
 * the system still open, no process of it alive, the pid file gone. A failed start is remembered, so the
 * other suites fail at once with its cause instead of trying again.
 *
 * <p>State lives in {@code deploy/local/target/bantam-it/}: the data is new on every run, the logs of this run
 * are in {@code logs/<name>.log} (the previous run's as {@code .log.1}) and stay after the run for whoever has
 * to read them.
 *
 * <p>The services run without CDS archives unless {@code -Dbantam.it.cds=true}: a suite's system runs once, and
 * writing the archives as it stops costs more than the one start they would speed up.
 */
public final class RunningSystem implements AutoCloseable {

    /**
     * What the suites give every service: limits far above what one address and a few users sending hundreds
     * of requests need (the gateway's rate limits; identity-service's login limits).
     */
    public static final Map<String, String> SUITE_ENVIRONMENT = Map.of(
            "BANTAM_GATEWAY_RATELIMITS_WRITES_PERMINUTE", "100000",
            "BANTAM_GATEWAY_RATELIMITS_WRITES_BURST", "100000",
            "BANTAM_GATEWAY_RATELIMITS_AUTH_PERMINUTE", "100000",
            "BANTAM_GATEWAY_RATELIMITS_AUTH_BURST", "100000",
            "BANTAM_GATEWAY_RATELIMITS_CONNECT_PERMINUTE", "100000",
            "BANTAM_GATEWAY_RATELIMITS_CONNECT_BURST", "100000",
            "BANTAM_IDENTITY_LOGINRATELIMIT_PEREMAIL_MAXATTEMPTS", "100000",
            "BANTAM_IDENTITY_LOGINRATELIMIT_PERADDRESS_MAXATTEMPTS", "100000");

    /** The services that own an API (every catalog entry but the gateway). */
    public static final List<String> SERVICES = List.of("identity", "relationship", "booking", "task", "notes");

    private final LocalSettings settings;
    private final LocalSystem system;
    private final Thread stopOnExit;

    private RunningSystem(LocalSettings settings, LocalSystem system, Thread stopOnExit) {
        this.settings = settings;
        this.system = system;
        this.stopOnExit = stopOnExit;
    }

    /** Starts a system with the suites' environment on a free set of ports; the state folder as described above. */
    static RunningSystem start() throws Exception {
        Path root = repositoryRoot();
        Path state = root.resolve("deploy/local/target/bantam-it");
        LocalSettings settings = LocalSettings.from(root, state, Map.of(
                        "BANTAM_PORT_OFFSET", Integer.toString(freeOffset()),
                        "BANTAM_READY_TIMEOUT", "240",
                        "BANTAM_CDS", System.getProperty("bantam.it.cds", "false")))
                .withServiceEnvironment(SUITE_ENVIRONMENT);
        // a test JVM killed during an earlier run may have left processes behind: they go before their data
        LocalSystem.cleanUpAfterEarlierRun(settings, System.out);
        deleteRecursively(settings.dataDir());
        LocalSystem system = LocalSystem.create(settings, System.out);
        // should this JVM be told to stop (a build timeout, Ctrl-C), the system goes with it
        Thread stopOnExit = new Thread(system::close, "bantam-system-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        system.startUp();
        System.out.printf("System for the suites ready after %.1f s%n", system.startupTime().toMillis() / 1000.0);
        return new RunningSystem(settings, system, stopOnExit);
    }

    public LocalSettings settings() {
        return settings;
    }

    /** The launcher's handle: stop, kill and start a service, stop and start the broker. */
    public LocalSystem local() {
        return system;
    }

    /** The public door: every {@code /api/**} call of the contract goes here. */
    public Api gateway() {
        return new Api(settings.entryPoint().url());
    }

    /** One service straight on its own port, bypassing the gateway. */
    public Api service(String name) {
        return new Api(settings.service(name).url());
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + settings.kafkaPort();
    }

    /** {@code <state>/logs}: {@code <name>.log} per process, JSON lines (ECS). */
    public Path logDir() {
        return settings.logDir();
    }

    /** {@code <state>/data}: identity-service keeps its signing key in {@code identity/signing-key.pem}. */
    public Path dataDir() {
        return settings.dataDir();
    }

    /**
     * Stops everything, then checks that nothing of it is left: no port open, no process alive (PostgreSQL's
     * postmaster is not our child, so its exit is awaited), the pid file gone.
     *
     * @throws AssertionError naming what is left
     */
    @Override
    public void close() {
        Map<String, Long> pids = new LinkedHashMap<>(system.pids());
        system.close();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs close() too, which is a no-op by now
        }
        List<String> left = new ArrayList<>();
        settings.ports().stream().filter(Ports::isListening)
                .forEach(port -> left.add("port " + port + " still open"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        pids.forEach((name, pid) -> ProcessHandle.of(pid).ifPresent(process -> {
            try {
                process.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // judged below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (process.isAlive()) {
                left.add(name + " (pid " + pid + ") still alive");
            }
        }));
        if (Files.exists(settings.pidFile())) {
            left.add(settings.pidFile() + " still there");
        }
        if (!left.isEmpty()) {
            throw new AssertionError("stopping the system left " + String.join(", ", left));
        }
        System.out.println("System stopped: no port open, no process alive, no pid file.");
    }

    /**
     * The JUnit side: resolves a {@link RunningSystem} parameter with the one system of this run, started on
     * first use and closed (with the checks of {@link RunningSystem#close}) when the run ends.
     */
    public static final class Shared implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Shared.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningSystem.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE)
                    .computeIfAbsent(Started.class, key -> Started.attempt(), Started.class)
                    .system();
        }
    }

    /** The outcome of the one start attempt: the system, or why there is none. Closing it closes the system. */
    private record Started(RunningSystem running, Exception failure) implements AutoCloseable {

        static Started attempt() {
            try {
                return new Started(start(), null);
            } catch (Exception e) {
                return new Started(null, e);
            }
        }

        RunningSystem system() {
            if (failure != null) {
                throw new IllegalStateException("the system did not start (see the first suite's output)", failure);
            }
            return running;
        }

        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }
    }

    /** The default ports the offset moves: PostgreSQL, the gateway and services, Kafka and its controller. */
    static final List<Integer> DEFAULT_PORTS = List.of(5432, 8080, 8081, 8082, 8083, 8084, 8085, 9092, 9093);

    /**
     * Where Linux starts handing out ephemeral ports (its default {@code ip_local_port_range}, 32768-60999): the
     * local end of every outgoing connection, of which the starting services open many (database pools, Kafka
     * clients). A service port at or above it can be taken by one of those between the check that it is free and
     * the service's bind ("Port 37122 was already in use", session 22's CI run).
     */
    static final int EPHEMERAL_PORTS_START = 32_768;

    /** An offset that moves every default port onto free ones, all of them below the ephemeral range. */
    static int freeOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            // ports 15,432-31,692: 10,000-22,599 plus the defaults
            int offset = 10_000 + ThreadLocalRandom.current().nextInt(0, 13) * 1000
                    + ThreadLocalRandom.current().nextInt(0, 600);
            if (DEFAULT_PORTS.stream().allMatch(port -> Ports.isFree(port + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("no free set of ports found");
    }

    static Path repositoryRoot() {
        String configured = System.getProperty("bantam.root");
        Path candidate = Path.of(configured != null ? configured : "").toAbsolutePath().normalize();
        while (candidate != null && !Files.isRegularFile(candidate.resolve(LocalSettings.CATALOG))) {
            candidate = candidate.getParent();
        }
        if (candidate == null) {
            throw new IllegalStateException("cannot find " + LocalSettings.CATALOG + " above " + configured);
        }
        return candidate;
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + folder, e);
        }
    }
}
