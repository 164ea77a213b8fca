package io.bantam.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./bantam}: {@code up} (the default) starts the system and keeps it running until Ctrl-C
 * or SIGTERM, {@code down} stops a running one, {@code status} tells what runs and how much memory
 * it takes.
 *
 * <p>Runs from the repository root (or {@code -Dbantam.root}); state lives in {@code .bantam/}
 * (or {@code BANTAM_STATE_DIR}).
 */
public final class Bantam {

    private Bantam() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "up" : args[0];
        PrintStream out = System.out;
        Path root = Path.of(System.getProperty("bantam.root", "")).toAbsolutePath().normalize();
        Map<String, String> env = System.getenv();
        Path state = Optional.ofNullable(env.get("BANTAM_STATE_DIR")).filter(s -> !s.isBlank())
                .map(Path::of).orElse(root.resolve(".bantam"));
        LocalSettings settings;
        try {
            settings = LocalSettings.from(root, state, env);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            System.exit(2);
            return;
        }
        switch (command) {
            case "up" -> up(settings, out);
            case "down" -> down(settings, out);
            case "status" -> status(settings, out);
            default -> {
                out.println("usage: ./bantam [up|down|status]");
                System.exit(2);
            }
        }
    }

    private static void up(LocalSettings settings, PrintStream out) throws InterruptedException {
        LocalSystem system = LocalSystem.create(settings, out);
        // Ctrl-C and SIGTERM run the shutdown hooks: services, then Kafka, then PostgreSQL
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "bantam-stop"));
        out.println("Starting Bantam from " + settings.root() + " (state in " + settings.state() + ")");
        try {
            system.startUp();
        } catch (Exception e) {
            out.println();
            out.println("Bantam did not start: " + e.getMessage());
            System.exit(1);
        }
        // give back the heap the start-up needed (zonky reads the PostgreSQL archive into memory);
        // the serial collector shrinks the old generation a little more on each successive full GC
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        out.println();
        out.printf("Bantam is ready at %s (%.1f s). Ctrl-C stops it.%n", settings.entryPoint().url(),
                system.startupTime().toMillis() / 1000.0);
        new CountDownLatch(1).await();
    }

    /** How long {@code down} waits for the launcher to stop everything, archives aside. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(90);

    private static void down(LocalSettings settings, PrintStream out) {
        Map<String, StateFile.Entry> entries = StateFile.read(settings.pidFile());
        Optional<ProcessHandle> launcher = Optional.ofNullable(entries.get(StateFile.LAUNCHER))
                .flatMap(StateFile.Entry::live);
        if (launcher.isPresent()) {
            out.println("Stopping Bantam (pid " + launcher.get().pid() + ") ...");
            launcher.get().destroy();
            // a first run's services write their archives as they stop (LocalSystem.ARCHIVE_WRITING_TIME)
            Duration patience = STOP_PATIENCE.plus(LocalSystem.ARCHIVE_WRITING_TIME);
            if (!Processes.awaitExit(launcher.get(), patience)) {
                out.println("It did not stop within " + patience.toSeconds() + " s; killing it and what it started");
                launcher.get().destroyForcibly();
                Processes.awaitExit(launcher.get(), Duration.ofSeconds(10));
            }
        } else if (entries.isEmpty()) {
            out.println("Bantam is not running here.");
        }
        LocalSystem.cleanUpAfterEarlierRun(settings, out);
        out.println("Stopped.");
    }

    private static void status(LocalSettings settings, PrintStream out) {
        Map<String, StateFile.Entry> entries = StateFile.read(settings.pidFile());
        Optional<ProcessHandle> launcher = Optional.ofNullable(entries.get(StateFile.LAUNCHER))
                .flatMap(StateFile.Entry::live);
        if (launcher.isEmpty()) {
            out.println("Bantam is not running here.");
            return;
        }
        LocalSystem probe = LocalSystem.create(settings, out);
        out.printf("%-12s %-8s %-8s %s%n", "NAME", "PID", "STATE", "MEMORY");
        Memory total = Memory.NONE;
        for (Map.Entry<String, StateFile.Entry> entry : entries.entrySet()) {
            String role = entry.getKey();
            String name = role.startsWith(StateFile.SERVICE_PREFIX) ? role.substring(StateFile.SERVICE_PREFIX.length()) : role;
            Optional<ProcessHandle> process = entry.getValue().live();
            String state = process.isEmpty() ? "gone" : "running";
            Optional<LocalSettings.Service> service = settings.services().stream()
                    .filter(s -> s.name().equals(name)).findFirst();
            if (process.isPresent() && service.isPresent()) {
                state = probe.ready(service.get()) ? "ready" : "starting";
            }
            // the launcher is the parent of the services and Kafka: only PostgreSQL counts its children
            Memory memory = process.flatMap(p -> role.equals(StateFile.POSTGRES) ? Memory.ofTree(p) : Memory.of(p.pid()))
                    .orElse(Memory.NONE);
            total = total.plus(memory);
            out.printf("%-12s %-8s %-8s %s%n", name, entry.getValue().pid(), state, memory.format());
        }
        out.printf("%-12s %-8s %-8s %s%n", "total", "", "", total.format());
    }
}
