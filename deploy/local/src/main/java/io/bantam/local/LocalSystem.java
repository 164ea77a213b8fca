package io.bantam.local;

import io.bantam.testing.KafkaProcess;
import io.bantam.testing.LogTail;
import io.bantam.testing.Ports;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole system on one machine, the way {@code ./bantam up} runs it: an embedded PostgreSQL
 * with a database per service, a KRaft Kafka broker in its own process, then every service of
 * {@code deploy/local/services.conf} as its own JVM, in the catalog's order.
 *
 * <p>{@link #start} returns once every readiness probe answers 200, or fails after stopping what
 * it started. {@link #close} stops the services (SIGTERM, a grace period, then SIGKILL), then
 * Kafka, then PostgreSQL.
 */
public final class LocalSystem implements AutoCloseable {

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);
    /** Where every service but the gateway listens, and the gateway's actuator. */
    static final String LOOPBACK = "127.0.0.1";
    /** What the services declare for the topics they publish. */
    static final int TOPIC_PARTITIONS = 3;
    /** Database connections per service ({@code SPRING_R2DBC_POOL_MAXSIZE}) on a local system. */
    static final int LOCAL_POOL_SIZE = 5;
    /**
     * How much longer a stop may take when services write their archives: each JVM assembles its AOT cache (a child
     * JVM, 5-10 CPU-seconds) after its graceful shutdown, six side by side on two cores.
     */
    static final Duration ARCHIVE_WRITING_TIME = Duration.ofSeconds(120);

    private final LocalSettings settings;
    private final PrintStream out;
    private final StateFile stateFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<String, RunningService> services = new LinkedHashMap<>();
    /** Extractions under way, stopped first if the system is stopped meanwhile. */
    private final Set<Process> helpers = ConcurrentHashMap.newKeySet();
    /** Services stopped on purpose ({@link #stopService}, {@link #killService}): their exit is no news. */
    private final Set<Long> expectedExits = ConcurrentHashMap.newKeySet();
    private final Map<String, ClassDataSharing.Launch> launches = new ConcurrentHashMap<>();
    private LocalPostgres postgres;
    private CompletableFuture<LocalPostgres> postgresStarted;
    private KafkaProcess kafka;
    /** What became of the broker's archive ({@link ClassDataSharing#broker}). */
    private ClassDataSharing.Launch kafkaArchive = ClassDataSharing.plain(null);
    private volatile boolean stopping;
    private boolean closed;
    private boolean ownsStateFile;
    private FileLock lock;
    private Duration startupTime = Duration.ZERO;

    /** A started service. */
    /** @param pendingArchive the archive the process writes when it stops ({@link ClassDataSharing#promote}), or null */
    public record RunningService(LocalSettings.Service service, Process process, Path log, String cds,
            Path pendingArchive) {
    }

    private LocalSystem(LocalSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.stateFile = new StateFile(settings.pidFile());
    }

    /**
     * Starts everything and waits until it is ready.
     *
     * @throws IllegalStateException when another run is alive, a port is taken, a jar is missing or
     *                               a process does not become ready; whatever started is stopped
     */
    public static LocalSystem start(LocalSettings settings, PrintStream out) throws Exception {
        LocalSystem system = create(settings, out);
        system.startUp();
        return system;
    }

    /** A system not started yet: register {@link #close} where it must run, then {@link #startUp}. */
    public static LocalSystem create(LocalSettings settings, PrintStream out) {
        return new LocalSystem(settings, out);
    }

    /**
     * Starts everything and waits until it is ready; on failure, or when {@link #close} is called
     * meanwhile, stops what it started and throws.
     */
    public void startUp() throws Exception {
        try {
            startAll();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** How long {@link #start} took from its first step to the last readiness answer. */
    public Duration startupTime() {
        return startupTime;
    }

    public LocalSettings settings() {
        return settings;
    }

    /** Process ids: PostgreSQL's postmaster, Kafka and each service (by name). */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (postgres != null) {
            postgres.pid().ifPresent(pid -> pids.put(StateFile.POSTGRES, pid));
        }
        if (kafka != null && kafka.isRunning()) {
            pids.put(StateFile.KAFKA, kafka.pid());
        }
        services.forEach((name, running) -> pids.put(name, running.process().pid()));
        return pids;
    }

    private void startAll() throws Exception {
        long started = System.nanoTime();
        for (Path folder : List.of(settings.state(), settings.dataDir(), settings.logDir(), settings.appsDir())) {
            Files.createDirectories(folder);
        }
        lock();
        cleanUpAfterEarlierRun(settings, out);
        requirePortsFree();
        stateFile.record(StateFile.LAUNCHER, ProcessHandle.current());
        ownsStateFile = true;
        Map<String, Path> jars = findJars();

        // Kafka (a JVM to start) and PostgreSQL side by side; the services need both
        // the launcher's classpath without its folders (deploy/local/target/classes): the broker needs none of
        // their classes, and the JVM writes no archive for a classpath with a non-empty folder
        String brokerClasspath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty() && !Files.isDirectory(Path.of(entry)))
                .collect(Collectors.joining(File.pathSeparator));
        ClassDataSharing.Launch brokerArchive = settings.classDataSharing()
                ? ClassDataSharing.broker(settings.appsDir().resolve("kafka"), settings.kafkaJvmOptions(),
                        brokerClasspath)
                : ClassDataSharing.plain(null);
        kafkaArchive = brokerArchive;
        KafkaProcess broker = KafkaProcess.builder(settings.dataDir().resolve("kafka"))
                .port(settings.kafkaPort())
                .controllerPort(settings.kafkaControllerPort())
                .logDir(settings.logDir())
                .logFileName("kafka.log")
                .classpath(brokerClasspath)
                .jvmOptions(settings.kafkaJvmOptions())
                .brokerJvmOptions(brokerArchive.jvmArguments())
                // as in docker-compose.yml: a consumer that starts before the publisher has declared its topic
                // creates it, and with one partition it would never hear of the two the publisher then adds
                // (not until its metadata refresh, 5 minutes later), so events keyed there wait that long
                .brokerProperty("num.partitions", Integer.toString(TOPIC_PARTITIONS))
                .stopOnJvmExit(false)
                .stopTimeout(settings.stopTimeout())
                .build();
        synchronized (this) {
            checkNotClosed();
            kafka = broker; // close() waits for a start in progress, then stops the broker
        }
        rotate(broker.logFile());
        CompletableFuture<Double> kafkaStarted = CompletableFuture.supplyAsync(() -> {
            broker.start();
            return seconds(started);
        });

        CompletableFuture<LocalPostgres> startingPostgres;
        synchronized (this) {
            checkNotClosed();
            Path postgresLog = rotate(settings.logDir().resolve("postgres.log"));
            // on another thread, so that close() can wait for a start in progress and then stop it
            postgresStarted = startingPostgres = CompletableFuture.supplyAsync(() -> {
                try {
                    return LocalPostgres.start(settings.dataDir().resolve("postgres"), settings.postgresPort(),
                            postgresLog);
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            });
        }
        LocalPostgres startedPostgres = join(startingPostgres);
        synchronized (this) {
            checkNotClosed();
            postgres = startedPostgres;
        }
        postgres.pid().flatMap(ProcessHandle::of).ifPresent(pg -> stateFile.record(StateFile.POSTGRES, pg));
        for (LocalSettings.Service service : settings.services()) {
            Optional<String> database = service.definition().database();
            if (database.isPresent()) {
                postgres.ensureDatabase(database.get());
            }
        }
        out.printf("  %-12s ready after %.1f s%n", "postgres", seconds(started));

        double kafkaReady = join(kafkaStarted);
        checkNotClosed();
        ProcessHandle.of(kafka.pid()).ifPresent(k -> stateFile.record(StateFile.KAFKA, k));
        out.printf("  %-12s ready after %.1f s%n", "kafka", kafkaReady);

        launches.putAll(prepareLaunches(jars));
        for (LocalSettings.Service service : settings.services()) {
            launch(service, launches.get(service.name()), true);
        }
        printTable();
        awaitReady(List.copyOf(services.values()), started);
        startupTime = Duration.ofNanos(System.nanoTime() - started);
    }

    /** One system per state folder: the OS drops the lock when this process ends, however it ends. */
    private synchronized void lock() throws IOException {
        checkNotClosed();
        FileChannel channel = FileChannel.open(settings.state().resolve("bantam.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("Bantam already runs from " + settings.state()
                    + "; stop it with ./bantam down, or run another with BANTAM_PORT_OFFSET and another state folder");
        }
    }

    /**
     * Refuses to start beside a live earlier run; stops what a killed earlier run left behind
     * (services, Kafka, PostgreSQL), found through the state file and PostgreSQL's own pid file.
     */
    public static void cleanUpAfterEarlierRun(LocalSettings settings, PrintStream out) {
        Map<String, StateFile.Entry> entries = StateFile.read(settings.pidFile());
        StateFile.Entry launcher = entries.get(StateFile.LAUNCHER);
        if (launcher != null && launcher.pid() != ProcessHandle.current().pid() && launcher.live().isPresent()) {
            throw new IllegalStateException("Bantam already runs here (pid " + launcher.pid()
                    + "); stop it with ./bantam down, or run another with BANTAM_PORT_OFFSET and another state folder");
        }
        List<ProcessHandle> leftovers = new ArrayList<>();
        for (String role : StateFile.stoppingOrder(entries)) {
            entries.get(role).live().ifPresent(process -> {
                out.println("Stopping " + role.replace(StateFile.SERVICE_PREFIX, "") + " (pid " + process.pid() + ") left behind by an earlier run");
                leftovers.add(process);
            });
        }
        KafkaProcess.leftoverBroker(settings.dataDir().resolve("kafka"))
                .filter(process -> !leftovers.contains(process))
                .ifPresent(process -> {
                    out.println("Stopping Kafka (pid " + process.pid() + ") left behind by an earlier run");
                    leftovers.add(process);
                });
        LocalPostgres.postmasterPid(settings.dataDir().resolve("postgres"))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .filter(process -> !leftovers.contains(process))
                .ifPresent(process -> {
                    out.println("Stopping PostgreSQL (pid " + process.pid() + ") left behind by an earlier run");
                    leftovers.add(process);
                });
        // one at a time, in order: the services' sessions end before PostgreSQL is asked to stop
        leftovers.forEach(process -> Processes.terminate(process, settings.stopTimeout()));
        try {
            Files.deleteIfExists(settings.pidFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove " + settings.pidFile(), e);
        }
    }

    private void requirePortsFree() {
        List<Integer> taken = settings.ports().stream().filter(port -> !Ports.isFree(port)).toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException("port(s) " + taken + " already in use; free them, or move Bantam with"
                    + " BANTAM_PORT_OFFSET (see deploy/local/services.conf)");
        }
    }

    private Map<String, Path> findJars() throws IOException {
        Map<String, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (LocalSettings.Service service : settings.services()) {
            Optional<Path> jar = execJar(settings.root(), service.definition().module());
            if (jar.isPresent()) {
                jars.put(service.name(), jar.get());
            } else {
                missing.add(service.definition().module() + "/target/" + service.definition().module() + "-*-exec.jar");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built yet: " + missing + "; run ./mvnw -DskipTests package (./bantam up does)");
        }
        return jars;
    }

    /** The newest {@code <module>/target/<module>-*-exec.jar}: the runnable Spring Boot jar. */
    static Optional<Path> execJar(Path root, String module) throws IOException {
        Path target = root.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        String prefix = Path.of(module).getFileName() + "-";
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith("-exec.jar");
            }).max((a, b) -> {
                try {
                    return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
                } catch (IOException e) {
                    return 0;
                }
            });
        }
    }

    /** Extraction for every service that needs it, side by side, and each one's archive or the order to write it. */
    private Map<String, ClassDataSharing.Launch> prepareLaunches(Map<String, Path> jars) {
        Map<String, List<String>> springAot = springAot(jars);
        Map<String, ClassDataSharing.Launch> launches = new LinkedHashMap<>();
        if (!settings.classDataSharing()) {
            jars.forEach((name, jar) -> launches.put(name, ClassDataSharing.plain(jar)));
        } else {
            Map<String, CompletableFuture<ClassDataSharing.Launch>> futures = new LinkedHashMap<>();
            for (LocalSettings.Service service : settings.services()) {
                // the archive is keyed by the options including Spring AOT's: with it, other classes load
                List<String> options = new ArrayList<>(settings.jvmOptions());
                options.addAll(springAot.get(service.name()));
                futures.put(service.name(), CompletableFuture.supplyAsync(() -> {
                    try {
                        return ClassDataSharing.prepare(jars.get(service.name()),
                                settings.appsDir().resolve(service.name()), options,
                                settings.logDir().resolve(service.name() + "-extract.log"), settings.readyTimeout(),
                                this::helperStarted);
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CompletionException(e);
                    }
                }));
            }
            futures.forEach((name, future) -> {
                try {
                    launches.put(name, future.join());
                } catch (CompletionException e) {
                    out.println("  " + name + ": no class data sharing (" + e.getCause().getMessage() + ")");
                    launches.put(name, ClassDataSharing.plain(jars.get(name)));
                }
            });
        }
        launches.replaceAll((name, launch) -> launch.with(springAot.get(name)));
        return launches;
    }

    /**
     * Per service, the JVM option that has it use the bean definitions its build worked out ({@link SpringAot}), or
     * none: when {@code BANTAM_SPRING_AOT=false}, when its jar has none, or when this run's settings could switch a
     * bean the build fixed (then a line says which).
     */
    private Map<String, List<String>> springAot(Map<String, Path> jars) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (LocalSettings.Service service : settings.services()) {
            options.put(service.name(), List.of());
            if (!settings.springAot() || !SpringAot.processed(jars.get(service.name()))) {
                continue;
            }
            Map<String, String> env = new LinkedHashMap<>(System.getenv());
            env.putAll(environment(service));
            Optional<String> refusal = SpringAot.refusal(env, settings.jvmOptions());
            if (refusal.isPresent()) {
                refused.put(service.name(), refusal.get());
            } else {
                options.put(service.name(), List.of(SpringAot.ENABLED));
            }
        }
        if (!refused.isEmpty()) {
            out.println("  Spring AOT off for " + String.join(", ", refused.keySet()) + ": "
                    + refused.values().iterator().next() + " (started the ordinary way; BANTAM_SPRING_AOT=false"
                    + " says it for good)");
        }
        return options;
    }

    /**
     * The environment every service process gets on top of the launcher's own. Every service listens on loopback
     * only; the gateway, the public door, listens on every interface (unless the launcher's own environment has
     * {@code SERVER_ADDRESS=127.0.0.1}, which it inherits), and its actuator on a loopback-only management port.
     */
    Map<String, String> environment(LocalSettings.Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(service.port()));
        if (service.isGateway()) {
            env.put("MANAGEMENT_PORT", Integer.toString(service.managementPort()));
            env.put("MANAGEMENT_SERVER_ADDRESS", LOOPBACK);
        } else {
            env.put("SERVER_ADDRESS", LOOPBACK);
        }
        env.put("DB_HOST", "localhost");
        env.put("DB_PORT", Integer.toString(settings.postgresPort()));
        service.definition().database().ifPresent(database -> {
            env.put("DB_NAME", database);
            env.put("DB_USER", database);
            env.put("DB_PASSWORD", database);
        });
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + settings.kafkaPort());
        for (LocalSettings.Service other : settings.services()) {
            env.put(other.definition().urlVariable(), other.url());
        }
        env.put("BANTAM_DATA_DIR", settings.dataDir().toString());
        env.put("BANTAM_LOG_DIR", settings.logDir().toString());
        // where callers reach the gateway (its port moves with BANTAM_PORT_OFFSET): calendar feed addresses
        env.put("BANTAM_PUBLIC_URL", settings.entryPoint().url());
        // glibc gives each thread that allocates its own 64 MB malloc arena (up to 8 per core); a JVM's native
        // allocations (Netty, the JIT, zip) need no more than two, and each arena's touched pages stay resident
        env.put("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
        // Each PostgreSQL connection is a backend process of a few MB. Ten per service (the default for a pod, with
        // its own database server) would be fifty-odd here, on one server with as many cores as the services share;
        // five each keep that server as busy as it can be on a laptop.
        env.put("SPRING_R2DBC_POOL_MAXSIZE", System.getenv().getOrDefault("SPRING_R2DBC_POOL_MAXSIZE",
                Integer.toString(LOCAL_POOL_SIZE)));
        env.putAll(settings.serviceEnvironment());
        return env;
    }

    private synchronized void launch(LocalSettings.Service service, ClassDataSharing.Launch launch, boolean newLog)
            throws IOException {
        checkNotClosed();
        Path log = settings.logDir().resolve(service.name() + ".log");
        if (newLog) {
            rotate(log);
        }
        List<String> command = new ArrayList<>();
        command.add(ClassDataSharing.javaExecutable());
        command.addAll(settings.jvmOptions());
        command.addAll(launch.jvmArguments());
        command.add("-Dbantam.local.service=" + service.name());
        command.add("-jar");
        command.add(launch.jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(settings.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment(service));
        Process process = builder.start();
        stateFile.record(StateFile.SERVICE_PREFIX + service.name(), process.toHandle());
        services.put(service.name(), new RunningService(service, process, log, launch.cds(), launch.pending()));
        process.onExit().thenAccept(exited -> {
            if (!stopping && !expectedExits.contains(exited.pid())) {
                out.println();
                out.println(service.name() + " (pid " + exited.pid() + ") exited with code " + exited.exitValue()
                        + "; last lines of " + log + ":");
                out.println(LogTail.of(log, 30));
            }
        });
    }

    private void printTable() {
        out.println();
        out.printf("%-12s %-24s %-8s %-6s %s%n", "NAME", "ADDRESS", "PID", "CDS", "LOG");
        String pgPid = postgres.pid().map(String::valueOf).orElse("?");
        out.printf("%-12s %-24s %-8s %-6s %s%n", "postgres", "localhost:" + settings.postgresPort(), pgPid, "-",
                relative(settings.logDir().resolve("postgres.log")));
        out.printf("%-12s %-24s %-8s %-6s %s%n", "kafka", kafka.bootstrapServers(), kafka.pid(),
                ClassDataSharing.column(kafkaArchive.cds()), relative(kafka.logFile()));
        for (RunningService running : services.values()) {
            out.printf("%-12s %-24s %-8s %-6s %s%n", running.service().name(), running.service().url(),
                    running.process().pid(), ClassDataSharing.column(running.cds()), relative(running.log()));
        }
        if (services.values().stream().anyMatch(running -> running.pendingArchive() != null)) {
            out.println("(CDS \"next\": the archive is written when Bantam stops cleanly, and the next start maps it)");
        }
        out.println();
    }

    private String relative(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    private void awaitReady(List<RunningService> services, long startedNanos) {
        long deadline = System.nanoTime() + settings.readyTimeout().toNanos();
        List<RunningService> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            checkNotClosed();
            for (RunningService running : List.copyOf(waiting)) {
                if (!running.process().isAlive()) {
                    String tail = LogTail.of(running.log(), 40);
                    throw new IllegalStateException(running.service().name() + " exited with code "
                            + running.process().exitValue() + " before it was ready"
                            + refusedArchive(running.service().name(), tail).map(why -> " (" + why + ")").orElse("")
                            + "; last lines of " + running.log() + ":\n" + tail);
                }
                if (ready(running.service())) {
                    waiting.remove(running);
                    out.printf("  %-12s ready after %.1f s%n", running.service().name(), seconds(startedNanos));
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                StringBuilder message = new StringBuilder("not ready after " + settings.readyTimeout().toSeconds() + " s:");
                for (RunningService running : waiting) {
                    message.append("\n\n").append(running.service().name()).append(", last lines of ")
                            .append(running.log()).append(":\n").append(LogTail.of(running.log(), 40));
                }
                throw new IllegalStateException(message.toString());
            }
            try {
                Thread.sleep(PROBE_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the services", e);
            }
        }
    }

    private Optional<String> refusedArchive(String name, String logTail) {
        ClassDataSharing.Launch launch = launches.get(name);
        try {
            return launch == null ? Optional.empty() : ClassDataSharing.dropRefused(launch, logTail);
        } catch (IOException e) {
            return Optional.of("the JVM refused its archive, which could not be deleted: " + e.getMessage());
        }
    }

    /** The running (or stopped) process of a service by name. */
    public synchronized RunningService service(String name) {
        RunningService running = services.get(name);
        if (running == null) {
            throw new IllegalArgumentException("no service '" + name + "' in this system");
        }
        return running;
    }

    /** Whether the service's process is alive (it may not be ready yet). */
    public boolean isRunning(String name) {
        return service(name).process().isAlive();
    }

    /**
     * Stops one service the way {@link #close} does (SIGTERM: a graceful shutdown, SIGKILL after the stop
     * timeout) and waits until it has exited. Does nothing when it does not run.
     */
    public void stopService(String name) {
        Process process = expectExit(name);
        RunningService running = service(name);
        Processes.terminate(process.toHandle(), stopTimeout(List.of(running)));
        keepArchive(running);
    }

    /** The stop timeout, plus the time to write their archives when some of {@code stopping} write one. */
    private Duration stopTimeout(Collection<RunningService> stopping) {
        return stopping.stream().anyMatch(running -> running.pendingArchive() != null)
                ? settings.stopTimeout().plus(ARCHIVE_WRITING_TIME)
                : settings.stopTimeout();
    }

    /** Keeps the archive a service wrote as it stopped, for its next start; says so when one was cut short. */
    private void keepArchive(RunningService running) {
        if (running.pendingArchive() == null || running.process().isAlive()) {
            return;
        }
        try {
            if (!ClassDataSharing.promote(running.pendingArchive(), running.process().exitValue())) {
                out.println("  " + running.service().name() + ": no archive written (exit "
                        + running.process().exitValue() + "); the next run writes it");
            }
        } catch (IOException e) {
            out.println("  " + running.service().name() + ": could not keep its archive: " + e.getMessage());
        }
    }

    /** Kills one service at once (SIGKILL), as a crash or the OOM killer would, and waits until it is gone. */
    public void killService(String name) {
        Process process = expectExit(name);
        process.destroyForcibly();
        Processes.awaitExit(process.toHandle(), Duration.ofSeconds(30));
    }

    private synchronized Process expectExit(String name) {
        checkNotClosed();
        Process process = service(name).process();
        expectedExits.add(process.pid());
        return process;
    }

    /**
     * Starts a service that was stopped or killed again, on the same port, with the same environment and
     * class data sharing archive, its output appended to the same log; returns once its readiness probe
     * answers 200.
     *
     * @throws IllegalStateException when it still runs, exits, or is not ready within the ready timeout
     */
    public void startService(String name) throws IOException {
        long started = System.nanoTime();
        RunningService restarted;
        synchronized (this) {
            RunningService previous = service(name);
            if (previous.process().isAlive()) {
                throw new IllegalStateException(name + " still runs (pid " + previous.process().pid() + ")");
            }
            launch(previous.service(), launches.get(name), false);
            restarted = services.get(name);
        }
        out.printf("  %-12s started again (pid %d)%n", name, restarted.process().pid());
        awaitReady(List.of(restarted), started);
    }

    /** Stops the Kafka broker (a controlled shutdown; its data stays). The services keep running. */
    public void stopKafka() {
        synchronized (this) {
            checkNotClosed();
        }
        kafka.stop();
    }

    /** Starts the broker again on the same ports and data; returns once it answers an admin request. */
    public void startKafka() {
        synchronized (this) {
            checkNotClosed();
        }
        kafka.start();
        ProcessHandle.of(kafka.pid()).ifPresent(k -> stateFile.record(StateFile.KAFKA, k));
    }

    /** Whether the Kafka broker's process is alive. */
    public boolean isKafkaRunning() {
        return kafka != null && kafka.isRunning();
    }

    /** Whether {@code /actuator/health/readiness} answers 200. */
    boolean ready(LocalSettings.Service service) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The result, or the exception that prevented it, unwrapped. */
    private static <T> T join(CompletableFuture<T> future) throws Exception {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private synchronized void helperStarted(Process process) {
        if (closed) {
            process.destroyForcibly();
        }
        helpers.add(process);
        process.onExit().thenRun(() -> helpers.remove(process));
    }

    private synchronized void checkNotClosed() {
        if (closed) {
            throw stopped();
        }
    }

    private static IllegalStateException stopped() {
        return new IllegalStateException("stopped while starting");
    }

    /** Keeps the previous run's log as {@code <name>.1} and returns the fresh path. */
    private static Path rotate(Path log) throws IOException {
        if (Files.exists(log)) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        return log;
    }

    /** Stops the services, then Kafka, then PostgreSQL. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopping = true;
        boolean anything = !services.isEmpty() || kafka != null || postgresStarted != null;
        if (anything) {
            out.println("Stopping Bantam ...");
        }
        Processes.terminateAll(helpers.stream().map(Process::toHandle).toList(), Duration.ofSeconds(5));
        List<ProcessHandle> processes = new ArrayList<>();
        services.values().forEach(running -> processes.add(running.process().toHandle()));
        Collections.reverse(processes);
        boolean writing = services.values().stream()
                .anyMatch(running -> running.pendingArchive() != null && running.process().isAlive());
        if (writing) {
            out.println("Writing the services' " + (ClassDataSharing.aotCache() ? "AOT caches" : "CDS archives")
                    + " for faster starts (once per build and set of JVM options) ...");
        }
        Processes.terminateAll(processes, stopTimeout(services.values()));
        services.values().forEach(this::keepArchive);
        if (kafka != null) {
            kafka.stop();
        }
        if (postgresStarted != null) {
            try {
                postgresStarted.get(90, TimeUnit.SECONDS).close();
            } catch (ExecutionException e) {
                // it did not start: nothing to stop
            } catch (IOException | TimeoutException e) {
                out.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ownsStateFile) {
            stateFile.delete();
        }
        if (lock != null) {
            try {
                lock.channel().close();
            } catch (IOException e) {
                out.println("could not release " + settings.state().resolve("bantam.lock") + ": " + e.getMessage());
            }
        }
        if (anything) {
            out.println("Stopped.");
        }
    }
}
