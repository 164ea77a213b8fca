package io.bantam.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An AppCDS archive per service, as Spring Boot documents it: the boot jar extracted once to
 * {@code .bantam/apps/<name>/}, a training run that stops right after the context refreshed
 * ({@code -Dspring.context.exit=onRefresh}) and dumps the loaded classes
 * ({@code -XX:ArchiveClassesAtExit}), then every start maps that archive
 * ({@code -XX:SharedArchiveFile}). On a JDK 25 or newer the same training writes an AOT cache instead
 * (JEP 483/514/515: classes loaded <em>and linked</em>, plus method profiles; {@code -XX:AOTCacheOutput}, then
 * {@code -XX:AOTCache}), which starts a service about a third faster than AppCDS. A jar with other content or
 * another JVM is extracted and trained again; a failed training leaves that jar running
 * without an archive. An archive only maps into a JVM started with the options it was trained with, so each set of
 * options has its own archive beside the others ({@code application-<hash>.aot}): switching flags (the benchmark's
 * production and local columns, a {@code BANTAM_JVM_OPTS} tried once) trains once per set, not at every switch.
 */
final class ClassDataSharing {

    static final String APPLICATION_JAR = "application.jar";
    /** The first JDK whose AOT cache takes a one-step training run ({@code -XX:AOTCacheOutput}, JEP 514). */
    static final int AOT_CACHE_FEATURE = 25;
    private static final String STAMP = "source.txt";

    /** How a service is launched, and what became of its archive. */
    record Launch(List<String> jvmArguments, Path jar, String cds) {
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

    /** Extracts and trains when needed; the training runs with the service's own environment. */
    static Launch prepare(String name, Path execJar, Path appDir, List<String> jvmOptions, Map<String, String> env,
            Path trainingLog, Duration timeout, Consumer<Process> started) throws IOException, InterruptedException {
        String stamp = stamp(execJar);
        Path stampFile = appDir.resolve(STAMP);
        Path jar = appDir.resolve(APPLICATION_JAR);
        boolean aot = aotCache();
        Path archive = appDir.resolve(archiveName(jvmOptions));
        Path failed = appDir.resolve(trainingFailedName(jvmOptions));
        boolean current = Files.isRegularFile(stampFile)
                && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp)
                && Files.isRegularFile(jar);
        if (!current) {
            deleteRecursively(appDir);
            extract(execJar, appDir, trainingLog, timeout, started);
            Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
        }
        if (Files.isRegularFile(failed)) {
            return new Launch(List.of(), jar, "off (training failed earlier, see " + trainingLog.getFileName() + ")");
        }
        if (Files.isRegularFile(archive)) {
            return new Launch(List.of(mapping(archive)), jar, aot ? "archive (AOT cache)" : "archive");
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add(writingAtExit(archive));
        command.add("-Dspring.context.exit=onRefresh");
        command.add("-Dbantam.local.service=" + name);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder training = new ProcessBuilder(command)
                .directory(appDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(trainingLog.toFile());
        training.environment().putAll(env);
        int exit = run(training, timeout, started);
        if (exit == 0 && Files.isRegularFile(archive) && Files.size(archive) > 0) {
            return new Launch(List.of(mapping(archive)), jar, aot ? "archive (AOT cache, trained now)" : "archive (trained now)");
        }
        Files.deleteIfExists(archive);
        Files.writeString(failed, "exit " + exit + "\n", StandardCharsets.UTF_8);
        return new Launch(List.of(), jar, "off (training failed, see " + trainingLog.getFileName() + ")");
    }

    /**
     * The Kafka broker's archive options: the broker's JVM is the same every run (this launcher's classpath and
     * JVM, the broker's options), so it gets an archive as the services do, but without a training run of its own,
     * which would start and stop a broker once more: a broker without an archive writes one when it stops cleanly
     * at {@code ./bantam down} ({@code -XX:AOTCacheOutput}, or {@code -XX:ArchiveClassesAtExit} before JDK 25),
     * and every later start maps it. The archive's name holds a hash of the options, the classpath (each jar's
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
        return (aotCache() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive;
    }

    /** The option that writes {@code archive} when the JVM exits (after a training run, or at a clean stop). */
    private static String writingAtExit(Path archive) {
        return (aotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive;
    }

    private static String trainingFailedName(List<String> jvmOptions) {
        return "training-failed-" + optionsHash(jvmOptions) + ".txt";
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
