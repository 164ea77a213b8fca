package io.bantam.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code .bantam/bantam.pid}: which processes the running system consists of, one
 * {@code role=pid@startMillis} a line, so that {@code ./bantam down} can stop it and a later
 * {@code ./bantam up} can clean up after a run that was killed without stopping its children.
 */
final class StateFile {

    static final String LAUNCHER = "launcher";
    static final String POSTGRES = "postgres";
    static final String KAFKA = "kafka";
    static final String SERVICE_PREFIX = "service.";

    /** A process as recorded: its id and when it started. */
    record Entry(long pid, Optional<Instant> start) {

        static Entry of(ProcessHandle process) {
            return new Entry(process.pid(), Processes.startOf(process));
        }

        /** The live process, if it is still the recorded one. */
        Optional<ProcessHandle> live() {
            return Processes.stillRunning(pid, start);
        }

        String format() {
            return pid + "@" + start.map(s -> Long.toString(s.toEpochMilli())).orElse("-");
        }

        static Entry parse(String value) {
            String[] parts = value.trim().split("@", 2);
            Optional<Instant> start = parts.length < 2 || parts[1].equals("-")
                    ? Optional.empty()
                    : Optional.of(Instant.ofEpochMilli(Long.parseLong(parts[1])));
            return new Entry(Long.parseLong(parts[0]), start);
        }
    }

    private final Path file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    StateFile(Path file) {
        this.file = file;
    }

    synchronized void record(String role, ProcessHandle process) {
        entries.put(role, Entry.of(process));
        write();
    }

    synchronized void forget(String role) {
        entries.remove(role);
        write();
    }

    synchronized void delete() {
        entries.clear();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the file says now; empty when there is no file. Unreadable lines are skipped. */
    static Map<String, Entry> read(Path file) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (line.startsWith("#") || equals < 0) {
                    continue;
                }
                try {
                    entries.put(line.substring(0, equals).trim(), Entry.parse(line.substring(equals + 1)));
                } catch (NumberFormatException ignored) {
                    // a line we did not write: not ours to act on
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private void write() {
        StringBuilder text = new StringBuilder("# processes of the running ./bantam up (role=pid@startMillis)\n");
        entries.forEach((role, entry) -> text.append(role).append('=').append(entry.format()).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The roles in stopping order: services (last started first), then Kafka, then PostgreSQL. */
    static List<String> stoppingOrder(Map<String, Entry> entries) {
        List<String> services = new ArrayList<>(entries.keySet().stream()
                .filter(role -> role.startsWith(SERVICE_PREFIX)).toList());
        Collections.reverse(services);
        List<String> order = new ArrayList<>(services);
        if (entries.containsKey(KAFKA)) {
            order.add(KAFKA);
        }
        if (entries.containsKey(POSTGRES)) {
            order.add(POSTGRES);
        }
        return order;
    }
}
