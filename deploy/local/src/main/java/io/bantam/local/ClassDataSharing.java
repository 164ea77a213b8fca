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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An AppCDS archive per service, as Spring Boot documents it: the boot jar extracted once to
 * {@code .bantam/apps/<name>/}, a training run that stops right after the context refreshed
 * ({@code -Dspring.context.exit=onRefresh}) and dumps the loaded classes
 * ({@code -XX:ArchiveClassesAtExit}), then every start maps that archive
 * ({@code -XX:SharedArchiveFile}). On a JDK 25 or newer the same training writes an AOT cache instead
 * (JEP 483/514/515: classes loaded <em>and linked</em>, plus method profiles; {@code -XX:AOTCacheOutput}, then
 * {@code -XX:AOTCache}), which starts a service about a third faster than AppCDS. A rebuilt jar (other size or
 * modification time) or another JVM is extracted and trained again; a failed training leaves that jar running
 * without an archive.
 */
final class ClassDataSharing {

    static final String APPLICATION_JAR = "application.jar";
    static final String ARCHIVE = "application.jsa";
    static final String AOT_CACHE = "application.aot";
    /** The first JDK whose AOT cache takes a one-step training run ({@code -XX:AOTCacheOutput}, JEP 514). */
    static final int AOT_CACHE_FEATURE = 25;
    private static final String STAMP = "source.txt";
    private static final String TRAINING_FAILED = "training-failed.txt";

    /** How a service is launched, and what became of its archive. */
    record Launch(List<String> jvmArguments, Path jar, String cds) {
    }

    private ClassDataSharing() {
    }

    /** Extracts and trains when needed; the training runs with the service's own environment. */
    static Launch prepare(String name, Path execJar, Path appDir, List<String> jvmOptions, Map<String, String> env,
            Path trainingLog, Duration timeout, Consumer<Process> started) throws IOException, InterruptedException {
        String stamp = stamp(execJar, jvmOptions);
        Path stampFile = appDir.resolve(STAMP);
        Path jar = appDir.resolve(APPLICATION_JAR);
        boolean aot = aotCache();
        Path archive = appDir.resolve(archiveName());
        String using = aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
        boolean current = Files.isRegularFile(stampFile)
                && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp)
                && Files.isRegularFile(jar);
        if (!current) {
            deleteRecursively(appDir);
            extract(execJar, appDir, trainingLog, timeout, started);
            Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
        }
        if (Files.isRegularFile(appDir.resolve(TRAINING_FAILED))) {
            return new Launch(List.of(), jar, "off (training failed earlier, see " + trainingLog.getFileName() + ")");
        }
        if (Files.isRegularFile(archive)) {
            return new Launch(List.of(using + archive), jar, aot ? "archive (AOT cache)" : "archive");
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add((aot ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive);
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
            return new Launch(List.of(using + archive), jar, aot ? "archive (AOT cache, trained now)" : "archive (trained now)");
        }
        Files.deleteIfExists(archive);
        Files.writeString(appDir.resolve(TRAINING_FAILED), "exit " + exit + "\n", StandardCharsets.UTF_8);
        return new Launch(List.of(), jar, "off (training failed, see " + trainingLog.getFileName() + ")");
    }

    /** Whether this JVM (the one that runs the services) writes and maps an AOT cache rather than an AppCDS archive. */
    static boolean aotCache() {
        return Runtime.version().feature() >= AOT_CACHE_FEATURE;
    }

    /** The archive's file name in a service's folder: an AOT cache on JDK 25+, an AppCDS archive before. */
    static String archiveName() {
        return aotCache() ? AOT_CACHE : ARCHIVE;
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

    /** What the archive depends on: the jar's path, size and modification time, the JVM and its options. */
    static String stamp(Path execJar, List<String> jvmOptions) throws IOException {
        return execJar.toAbsolutePath() + "\n" + Files.size(execJar) + "\n"
                + Files.getLastModifiedTime(execJar).toMillis() + "\n" + Runtime.version() + "\n"
                + String.join(" ", jvmOptions) + "\n";
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
