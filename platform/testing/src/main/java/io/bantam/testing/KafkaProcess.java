package io.bantam.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A standalone Kafka broker in KRaft mode (broker and controller in one node) running as its own
 * JVM process: {@code java -cp <classpath> kafka.Kafka server.properties}.
 *
 * <p>Its data lives in a folder the caller gives and survives {@link #stop()}: formatted once with
 * {@code kafka.tools.StorageTool format}, then started again with the same data at the same fixed
 * port. Used by tests that stop the broker in the middle of their work, and by {@code ./bantam up}.
 *
 * <pre>{@code
 * try (KafkaProcess kafka = KafkaProcess.builder(dataDir).port(Ports.freePort()).build().start()) {
 *     producerProps.put("bootstrap.servers", kafka.bootstrapServers());
 *     kafka.stop();   // the broker is gone, its data is not
 *     kafka.start();  // back at the same address with the same records
 * }
 * }</pre>
 *
 * <p>The child JVM's classpath must contain {@code org.apache.kafka:kafka_2.13} and what it
 * depends on; by default it is this JVM's {@code java.class.path}, which holds them in tests
 * (spring-kafka-test brings them) and in {@code deploy/local}.
 */
public final class KafkaProcess implements AutoCloseable {

    /** What the broker's log file is called inside the log folder unless the builder says otherwise. */
    public static final String DEFAULT_LOG_FILE_NAME = "kafka.log";

    /**
     * JVM flags for a small, quick-starting broker; fine for tests and a laptop. {@code -Xmn8m}: the serial
     * collector would give the young generation a third of the heap as it grows (~27 MB), all of it touched between
     * two collections; a broker's requests leave little that lives, so 8 MB collect as quickly and keep ~20 MB less
     * resident (docs/local.md, session 22).
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xms16m", "-Xmx128m", "-Xmn8m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
            "-Djava.awt.headless=true");

    private static final int NODE_ID = 1;

    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private final List<String> jvmOptions;
    private final List<String> brokerJvmOptions;
    private final Map<String, String> brokerProperties;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private final boolean stopOnJvmExit;

    private Process process;
    private Thread shutdownHook;

    private KafkaProcess(Builder builder) {
        this.dataDir = builder.dataDir.toAbsolutePath();
        Path logDir = builder.logDir == null ? dataDir : builder.logDir.toAbsolutePath();
        this.logFile = logDir.resolve(builder.logFileName);
        this.port = builder.port == 0 ? Ports.freePort() : builder.port;
        this.controllerPort = builder.controllerPort == 0 ? Ports.freePort() : builder.controllerPort;
        this.classpath = builder.classpath == null ? System.getProperty("java.class.path") : builder.classpath;
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.brokerJvmOptions = List.copyOf(builder.brokerJvmOptions);
        this.brokerProperties = Map.copyOf(builder.brokerProperties);
        this.startTimeout = builder.startTimeout;
        this.stopTimeout = builder.stopTimeout;
        this.stopOnJvmExit = builder.stopOnJvmExit;
    }

    /**
     * A broker keeping its data in {@code dataDir}: {@code server.properties} and, below
     * {@code kraft-logs/}, the formatted storage and every record.
     */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /**
     * Formats the storage if it is not yet, starts the broker process and waits until it answers
     * an admin request. Does nothing when the broker already runs.
     *
     * @return this, for try-with-resources
     * @throws IllegalStateException when the broker exits or does not answer within the start timeout
     */
    public synchronized KafkaProcess start() {
        if (isRunning()) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            Path config = writeConfig();
            if (!Files.exists(storageDir().resolve("meta.properties"))) {
                format(config);
            }
            long started = System.nanoTime();
            process = java(brokerJvmOptions, List.of("kafka.Kafka", config.toString())).start();
            Files.writeString(pidFile(dataDir), Long.toString(process.pid()), StandardCharsets.UTF_8);
            registerShutdownHook();
            awaitReady(started);
            return this;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("Kafka broker did not start, see " + logFile, e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /**
     * Stops the broker: SIGTERM for a controlled shutdown, then a kill if it does not exit within
     * the stop timeout. Its data stays. Does nothing when the broker does not run.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        terminate(process, stopTimeout);
        process = null;
        try {
            Files.deleteIfExists(pidFile(dataDir));
        } catch (IOException e) {
            // a stale pid file is checked against the live process before anyone acts on it
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: nothing left to undo
            }
            shutdownHook = null;
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** {@code localhost:<port>}: the same address after every restart. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The broker's client port. */
    public int port() {
        return port;
    }

    /** The controller (KRaft quorum) port. */
    public int controllerPort() {
        return controllerPort;
    }

    /** Whether the broker process is alive. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The process id of the running broker, or -1 when it does not run. */
    public synchronized long pid() {
        return isRunning() ? process.pid() : -1;
    }

    /** The file the broker's output is appended to. */
    public Path logFile() {
        return logFile;
    }

    /**
     * The process id written to {@code broker.pid} in a data folder when a broker was started
     * there and not stopped (e.g. its parent was killed), if that process still runs Kafka.
     */
    public static Optional<ProcessHandle> leftoverBroker(Path dataDir) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile(dataDir.toAbsolutePath()), StandardCharsets.UTF_8).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().arguments()
                            .map(arguments -> List.of(arguments).contains("kafka.Kafka"))
                            .orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Path pidFile(Path dataDir) {
        return dataDir.resolve("broker.pid");
    }

    /** The folder holding the broker's configuration and data. */
    public Path dataDir() {
        return dataDir;
    }

    private Path storageDir() {
        return dataDir.resolve("kraft-logs");
    }

    private Path writeConfig() throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        properties.put("log.dirs", storageDir().toString());
        properties.put("num.partitions", "1");
        properties.put("auto.create.topics.enable", "true");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "2");
        properties.put("num.recovery.threads.per.data.dir", "1");
        properties.put("background.threads", "2");
        // the log cleaner's dedupe buffer is 128 MB by default, allocated and touched at start
        properties.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
        properties.putAll(brokerProperties);

        Path config = dataDir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            writer.write("# written by " + KafkaProcess.class.getName() + " on every start\n");
            for (Map.Entry<String, String> property : properties.entrySet()) {
                writer.write(property.getKey() + "=" + property.getValue().replace("\\", "\\\\") + "\n");
            }
        }
        Files.writeString(dataDir.resolve("logback.xml"), """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%logger{30}] %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """, StandardCharsets.UTF_8);
        return config;
    }

    private void format(Path config) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        Process formatter = java(List.of(), List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()))
                .start();
        try {
            if (!formatter.waitFor(startTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                terminate(formatter, Duration.ofSeconds(5));
                throw new IllegalStateException("formatting Kafka storage timed out, see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            terminate(formatter, Duration.ofSeconds(5));
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
        if (formatter.exitValue() != 0) {
            throw new IllegalStateException("formatting Kafka storage failed (exit " + formatter.exitValue()
                    + "):\n" + LogTail.of(logFile, 30));
        }
    }

    private ProcessBuilder java(List<String> extraJvmOptions, List<String> mainAndArgs) throws IOException {
        Path argFile = dataDir.resolve("java.args");
        Files.writeString(argFile, "-cp " + quoteForArgFile(classpath) + "\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(extraJvmOptions);
        command.add("-Dlogback.configurationFile=" + dataDir.resolve("logback.xml"));
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");
        command.add("@" + argFile);
        command.addAll(mainAndArgs);
        return new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** A java {@code @argfile} token: quoted, with backslashes and quotes escaped. */
    static String quoteForArgFile(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void awaitReady(long startedNanos) {
        long deadline = startedNanos + startTimeout.toNanos();
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.CLIENT_ID_CONFIG, "bantam-kafka-process-probe");
        // the listener opens a little before the broker answers: wait for the port first, quietly
        while (!Ports.isListening(port)) {
            checkAliveAndInTime(deadline);
            pause(50);
        }
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                checkAliveAndInTime(deadline);
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException notYet) {
                    pause(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
                }
            }
        }
    }

    private void checkAliveAndInTime(long deadline) {
        if (!process.isAlive()) {
            throw new IllegalStateException("Kafka broker exited with code " + process.exitValue()
                    + ":\n" + LogTail.of(logFile, 40));
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Kafka broker not ready after " + startTimeout.toSeconds()
                    + " s:\n" + LogTail.of(logFile, 40));
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private void registerShutdownHook() {
        if (!stopOnJvmExit) {
            return;
        }
        Process started = process;
        shutdownHook = new Thread(() -> terminate(started, stopTimeout), "kafka-process-stop-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** SIGTERM, wait up to {@code timeout}, then SIGKILL and wait for the exit. */
    static void terminate(Process process, Duration timeout) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** How to run the broker. */
    public static final class Builder {

        private final Path dataDir;
        private Path logDir;
        private String logFileName = DEFAULT_LOG_FILE_NAME;
        private int port;
        private int controllerPort;
        private String classpath;
        private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;
        private List<String> brokerJvmOptions = List.of();
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(60);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private boolean stopOnJvmExit = true;

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        /** The client port; fixed so that a restarted broker is at the same address. Default: a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The controller port. Default: a free port, chosen once for this instance. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** The folder the broker's log file is written to. Default: the data folder. */
        public Builder logDir(Path logDir) {
            this.logDir = logDir;
            return this;
        }

        /** The log file's name inside the log folder. Default: {@value #DEFAULT_LOG_FILE_NAME}. */
        public Builder logFileName(String logFileName) {
            this.logFileName = Objects.requireNonNull(logFileName);
            return this;
        }

        /** The child JVM's classpath. Default: this JVM's {@code java.class.path}. */
        public Builder classpath(String classpath) {
            this.classpath = classpath;
            return this;
        }

        /** The child JVM's options. Default: {@link #DEFAULT_JVM_OPTIONS}. */
        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = List.copyOf(jvmOptions);
            return this;
        }

        /**
         * Options added after {@link #jvmOptions(List)} for the broker's JVM only, not for the one-off storage
         * formatter: e.g. an AOT cache the broker writes at exit or maps ({@code -XX:AOTCacheOutput},
         * {@code -XX:AOTCache}), which a formatter run must neither write nor use. Default: none.
         */
        public Builder brokerJvmOptions(List<String> brokerJvmOptions) {
            this.brokerJvmOptions = List.copyOf(brokerJvmOptions);
            return this;
        }

        /** A broker setting added to, or replacing one of, the defaults in {@code server.properties}. */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(key, value);
            return this;
        }

        /** How long {@link #start()} waits for the broker. Default: 60 s. */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** How long {@link #stop()} waits after SIGTERM before killing. Default: 30 s. */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        /**
         * Whether a JVM shutdown hook stops the broker (default: yes). Turn it off when the caller
         * stops the broker itself, in an order of its own.
         */
        public Builder stopOnJvmExit(boolean stopOnJvmExit) {
            this.stopOnJvmExit = stopOnJvmExit;
            return this;
        }

        public KafkaProcess build() {
            return new KafkaProcess(this);
        }
    }
}
