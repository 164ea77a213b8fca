package io.bantam.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An archive per service, for a faster start: the boot jar extracted once to {@code .bantam/apps/<name>/} (as Spring
 * Boot documents it for CDS), the first run without an archive writes one when it stops cleanly
 * ({@code ./bantam down}), and every later start maps it. On a JDK 25 or newer the archive is an AOT cache
 * (JEP 483/514/515: classes loaded <em>and linked</em>, plus method profiles; {@code -XX:AOTCacheOutput}, then
 * {@code -XX:AOTCache}), which starts a service about a third faster than the AppCDS archive older JDKs get
 * ({@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}).
 *
 * <p>No training run: the first run is the training. Until session 20 a training run per service (start, stop at
 * the context's refresh, dump) came before the first start, six side by side on two cores, so the first
 * {@code ./bantam up} took ~155 s; now it is a plain start, and the first clean stop takes longer instead, once. The
 * archive is written beside its final name ({@link #pending}) and only {@link #promote promoted} when the JVM
 * exited on its own: a JVM killed while writing leaves no half archive that every later start would refuse.
 *
 * <p>A jar with other content or another JVM is extracted again and its archives go. An archive only maps into a
 * JVM started with the options it was written with, so each set of options has its own archive beside the others
 * ({@code application-<hash>.aot}): switching flags (the benchmark's production and local columns, a
 * {@code BANTAM_JVM_OPTS} tried once) writes one per set, not one at every switch.
 */
final class ClassDataSharing {

    static final String APPLICATION_JAR = "application.jar";
    /** The first JDK whose AOT cache takes a one-step training run ({@code -XX:AOTCacheOutput}, JEP 514). */
    static final int AOT_CACHE_FEATURE = 25;
    private static final String STAMP = "source.txt";
    /** The initial heap given to a JVM that maps an AOT cache when its options set none. */
    static final String INITIAL_HEAP_FOR_AOT_CACHE = "-Xms32m";
    /** What a JVM prints when it refuses an archive and will not start: an AOT cache, or an AppCDS archive. */
    static final List<String> REFUSALS = List.of("Unable to use AOT cache", "Unable to use shared archive");
    /** The exit value of a JVM killed with SIGKILL (128 + 9). */
    private static final int KILLED = 137;

    /**
     * How a service is launched, and what became of its archive.
     *
     * @param pending the archive this run writes when it stops, to {@link #promote} then; {@code null} when it maps
     *        one (or runs without)
     */
    record Launch(List<String> jvmArguments, Path jar, String cds, Path pending) {

        Launch(List<String> jvmArguments, Path jar, String cds) {
            this(jvmArguments, jar, cds, null);
        }

        /** The same launch with {@code options} first among its JVM arguments. */
        Launch with(List<String> options) {
            if (options.isEmpty()) {
                return this;
            }
            List<String> arguments = new ArrayList<>(options);
            arguments.addAll(jvmArguments);
            return new Launch(List.copyOf(arguments), jar, cds, pending);
        }
    }

    /**
     * The launcher table's CDS column for a {@link Launch#cds()}: the archive is mapped ("yes"), off ("no"), or
     * written at the next clean stop ("next").
     */
    static String column(String cds) {
        return cds.startsWith("archive") ? "yes" : cds.startsWith("off") ? "no" : "next";
    }

    private ClassDataSharing() {
    }

    /**
     * Extracts the jar when needed; maps its archive for these options when there is one, or has this run write it
     * at its clean stop.
     */
    static Launch prepare(Path execJar, Path appDir, List<String> jvmOptions, Path log, Duration timeout,
            Consumer<Process> started) throws IOException, InterruptedException {
        String stamp = stamp(execJar);
        Path stampFile = appDir.resolve(STAMP);
        Path jar = appDir.resolve(APPLICATION_JAR);
        Path archive = appDir.resolve(archiveName(jvmOptions));
        boolean current = Files.isRegularFile(stampFile)
                && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp)
                && Files.isRegularFile(jar);
        if (!current) {
            deleteRecursively(appDir);
            extract(execJar, appDir, log, timeout, started);
            Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
        }
        if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
            List<String> arguments = new ArrayList<>();
            if (aotCache() && jvmOptions.stream().noneMatch(o -> o.startsWith("-Xms") || o.startsWith("-XX:InitialHeapSize="))) {
                // a JVM loads the cache's archived heap objects into its initial heap: the default (1/64 of the
                // memory, 8 MB in a 512 MiB container) is too small for a cache written by a whole run, and the
                // JVM then refuses to start ("archived heap objects cannot be loaded")
                arguments.add(INITIAL_HEAP_FOR_AOT_CACHE);
            }
            arguments.add(mapping(archive));
            return new Launch(List.copyOf(arguments), jar, aotCache() ? "archive (AOT cache)" : "archive");
        }
        Path pending = pending(archive);
        Files.deleteIfExists(pending);  // a run before this one was killed while writing it
        return new Launch(List.of(writingAtExit(pending)), jar, "none yet (written at the next ./bantam down)",
                pending);
    }

    /**
     * After a JVM that mapped {@code launch}'s archive exited before it was ready: when its log's last lines say the
     * JVM refused the archive, deletes it (the next start writes a new one) and says so.
     */
    static Optional<String> dropRefused(Launch launch, String logTail) throws IOException {
        if (REFUSALS.stream().noneMatch(logTail::contains)) {
            return Optional.empty();
        }
        for (String argument : launch.jvmArguments()) {
            if (argument.startsWith(mappingOption())) {
                Path archive = Path.of(argument.substring(mappingOption().length()));
                Files.deleteIfExists(archive);
                return Optional.of("the JVM refused its archive " + archive.getFileName()
                        + ", now deleted: the next ./bantam up starts without it and writes a new one");
            }
        }
        return Optional.empty();
    }

    /** Where a run writes {@code archive} before it is {@link #promote promoted}. */
    static Path pending(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".next");
    }

    /**
     * After the run that wrote a pending archive has exited: keeps the archive when the JVM exited on its own (a
     * graceful stop, whatever its code), drops it when the JVM was killed (SIGKILL, 137), which may have cut it short.
     *
     * @return whether an archive is now in place for the next start
     */
    static boolean promote(Path pending, int exitValue) throws IOException {
        String name = pending.getFileName().toString();
        if (!name.endsWith(".next")) {
            throw new IllegalArgumentException("not a pending archive: " + pending);
        }
        if (exitValue == KILLED || !Files.isRegularFile(pending) || Files.size(pending) == 0) {
            Files.deleteIfExists(pending);
            return false;
        }
        Files.move(pending, pending.resolveSibling(name.substring(0, name.length() - ".next".length())),
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /**
     * The Kafka broker's archive options: the broker's JVM is the same every run (this launcher's classpath and
     * JVM, the broker's options), so it gets an archive as the services do: a broker without an archive writes one
     * when it stops cleanly at {@code ./bantam down} ({@code -XX:AOTCacheOutput}, or
     * {@code -XX:ArchiveClassesAtExit} before JDK 25), and every later start maps it. The archive's name holds a hash of the options, the classpath (each jar's
     * path, size and modification time, as the JVM checks them) and the JVM, so a new Kafka version, a rebuilt jar
     * or another JVM writes a new one (and the stale ones are deleted then). A broker killed
     * before it wrote its archive writes it at the next clean stop; an archive that does not fit (a JVM refuses
     * it) only costs the start-up time it was meant to save: the JVM starts without it.
     *
     * @return the options to add to the broker's JVM, and a word for the launcher's table
     */
    static Launch broker(Path dir, List<String> jvmOptions, String classpath) throws IOException {
        List<String> key = new ArrayList<>(jvmOptions);
        key.add(Runtime.version().toString());
        // the JVM maps an archive only beside the very jars it was written from (path, size and modification time):
        // a jar rebuilt (a new time) must lead to a new archive, not to one the JVM refuses at every start
        for (String entry : classpath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            key.add(entry + (Files.isRegularFile(path) ? " " + Files.size(path) + " " + Files.getLastModifiedTime(path) : ""));
        }
        String prefix = "broker-";
        Path archive = dir.resolve(prefix + optionsHash(key) + archiveSuffix());
        if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
            return new Launch(List.of(mapping(archive)), null,
                    aotCache() ? "archive (AOT cache)" : "archive");
        }
        Files.createDirectories(dir);
        try (Stream<Path> stale = Files.list(dir)) {
            for (Path file : stale.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                Files.deleteIfExists(file);
            }
        }
        return new Launch(List.of(writingAtExit(archive)), null,
                "none yet (written at the next ./bantam down)");
    }

    /** Whether this JVM (the one that runs the services) writes and maps an AOT cache rather than an AppCDS archive. */
    static boolean aotCache() {
        return Runtime.version().feature() >= AOT_CACHE_FEATURE;
    }

    /**
     * The archive's file name in a service's folder for these JVM options: an AOT cache on JDK 25+, an AppCDS archive
     * before, e.g. {@code application-1a2b3c4d.aot}.
     */
    static String archiveName(List<String> jvmOptions) {
        return "application-" + optionsHash(jvmOptions) + archiveSuffix();
    }

    private static String archiveSuffix() {
        return aotCache() ? ".aot" : ".jsa";
    }

    /** The option that maps {@code archive}: an AOT cache on JDK 25+, an AppCDS archive before. */
    private static String mapping(Path archive) {
        return mappingOption() + archive;
    }

    /** The option that maps an archive, without its path. */
    private static String mappingOption() {
        return aotCache() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
    }

    /** The option that writes {@code archive} when the JVM exits (at a clean stop). */
    private static String writingAtExit(Path archive) {
        return (aotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive;
    }

    /** Eight hex digits naming a set of JVM options (their order matters to the JVM, so it does here). */
    static String optionsHash(List<String> jvmOptions) {
        return "%08x".formatted(String.join("\u0000", jvmOptions).hashCode());
    }

    /** A launch straight from the boot jar, without CDS. */
    static Launch plain(Path execJar) {
        return new Launch(List.of(), execJar, "off");
    }

    private static void extract(Path execJar, Path appDir, Path log, Duration timeout, Consumer<Process> started)
            throws IOException, InterruptedException {
        Files.createDirectories(appDir.getParent());
        ProcessBuilder extraction = new ProcessBuilder(javaExecutable(), "-Djarmode=tools", "-jar", execJar.toString(),
                "extract", "--destination", appDir.toString(), "--application-filename", APPLICATION_JAR)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        int exit = run(extraction, timeout, started);
        if (exit != 0 || !Files.isRegularFile(appDir.resolve(APPLICATION_JAR))) {
            throw new IllegalStateException("could not extract " + execJar + " (exit " + exit + "), see " + log);
        }
    }

    private static int run(ProcessBuilder builder, Duration timeout, Consumer<Process> started)
            throws IOException, InterruptedException {
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = builder.start();
        started.accept(process);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            Processes.terminate(process.toHandle(), Duration.ofSeconds(5));
            return -1;
        }
        return process.exitValue();
    }

    /**
     * What the extracted folder and all its archives depend on: the jar's path and content, and the JVM. (The options
     * an archive depends on are in its name.) The content is the name, size and CRC-32 of every entry, read from the
     * jar's central directory (milliseconds for an 80 MB jar): a jar repackaged from unchanged classes (a new
     * modification time, the same bytes inside) keeps its archives, a changed class or library does not.
     */
    static String stamp(Path execJar) throws IOException {
        CRC32 entries = new CRC32();
        long count = 0;
        try (ZipFile zip = new ZipFile(execJar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); count++) {
                ZipEntry entry = e.nextElement();
                entries.update((entry.getName() + "\u0000" + entry.getSize() + "\u0000" + entry.getCrc() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        return execJar.toAbsolutePath() + "\n" + Files.size(execJar) + "\n" + count + " entries, CRC "
                + Long.toHexString(entries.getValue()) + "\n" + Runtime.version() + "\n";
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
