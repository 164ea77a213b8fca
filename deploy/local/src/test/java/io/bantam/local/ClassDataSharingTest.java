package io.bantam.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

    @TempDir
    Path folder;

    @Test
    void aJarRepackagedFromTheSameContentKeepsItsStamp() throws Exception {
        Path jar = folder.resolve("service-exec.jar");
        write(jar, Map.of("BOOT-INF/classes/A.class", "a", "BOOT-INF/lib/x.jar", "x"), Instant.parse("2026-01-01T00:00:00Z"));
        String before = ClassDataSharing.stamp(jar);

        write(jar, Map.of("BOOT-INF/classes/A.class", "a", "BOOT-INF/lib/x.jar", "x"), Instant.parse("2026-06-01T00:00:00Z"));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));

        assertThat(ClassDataSharing.stamp(jar)).isEqualTo(before);
    }

    @Test
    void aChangedClassChangesTheStamp() throws Exception {
        Path jar = folder.resolve("service-exec.jar");
        write(jar, Map.of("BOOT-INF/classes/A.class", "a"), Instant.parse("2026-01-01T00:00:00Z"));
        String before = ClassDataSharing.stamp(jar);

        write(jar, Map.of("BOOT-INF/classes/A.class", "b"), Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(ClassDataSharing.stamp(jar)).isNotEqualTo(before);
    }

    @Test
    void eachSetOfJvmOptionsHasItsOwnArchive() {
        String local = ClassDataSharing.archiveName(LocalSettings.DEFAULT_JVM_OPTIONS);
        String production = ClassDataSharing.archiveName(List.of("-XX:MaxRAM=512m", "-XX:MaxRAMPercentage=75"));

        assertThat(local).isNotEqualTo(production)
                .isEqualTo(ClassDataSharing.archiveName(List.copyOf(LocalSettings.DEFAULT_JVM_OPTIONS)))
                .matches("application-[0-9a-f]{8}\\.(aot|jsa)");
    }

    @Test
    void aServiceWithoutArchiveWritesOneAtItsCleanStopAndLaterStartsMapIt() throws Exception {
        Path appDir = extracted("task");
        List<String> options = List.of("-Xmx192m");

        ClassDataSharing.Launch first = prepare(appDir, options);
        Path archive = appDir.resolve(ClassDataSharing.archiveName(options));
        assertThat(first.jvmArguments()).containsExactly(WRITE + archive + ".next");
        assertThat(first.pending()).isEqualTo(ClassDataSharing.pending(archive));
        assertThat(ClassDataSharing.column(first.cds())).isEqualTo("next");

        // the JVM wrote it as it stopped (SIGTERM: a graceful shutdown, exit 143)
        Files.writeString(first.pending(), "archive");
        assertThat(ClassDataSharing.promote(first.pending(), 143)).isTrue();
        assertThat(archive).hasContent("archive");
        assertThat(first.pending()).doesNotExist();

        ClassDataSharing.Launch later = prepare(appDir, options);
        assertThat(later.jvmArguments()).as("an AOT cache needs an initial heap that holds its objects").isEqualTo(
                ClassDataSharing.aotCache() ? List.of("-Xms32m", MAP + archive) : List.of(MAP + archive));
        assertThat(later.pending()).isNull();
        assertThat(ClassDataSharing.column(later.cds())).isEqualTo("yes");
        Path sized = appDir.resolve(ClassDataSharing.archiveName(List.of("-Xms64m")));
        Files.writeString(sized, "archive");
        assertThat(prepare(appDir, List.of("-Xms64m")).jvmArguments()).as("the options' own initial heap")
                .containsExactly(MAP + sized);
    }

    @Test
    void anArchiveTheJvmRefusesIsDeletedSoTheNextStartWritesANewOne() throws Exception {
        Path appDir = extracted("identity");
        Path archive = appDir.resolve(ClassDataSharing.archiveName(List.of()));
        Files.writeString(archive, "archive");
        ClassDataSharing.Launch launch = prepare(appDir, List.of());

        assertThat(ClassDataSharing.dropRefused(launch, "Started IdentityApplication")).isEmpty();
        assertThat(archive).exists();

        String refusal = ClassDataSharing.aotCache()
                ? "[0.038s][error][aot] unrecoverable error\nError occurred during initialization of VM\nUnable to use AOT cache.\n"
                : "Error occurred during initialization of VM\nUnable to use shared archive.\n";
        assertThat(ClassDataSharing.dropRefused(launch, refusal)).get().asString().contains(archive.getFileName().toString());
        assertThat(archive).doesNotExist();
        assertThat(prepare(appDir, List.of()).pending()).as("the next start writes one").isNotNull();
    }

    @Test
    void anArchiveOfAKilledJvmIsDroppedAndTheNextRunWritesItAgain() throws Exception {
        Path appDir = extracted("notes");
        ClassDataSharing.Launch first = prepare(appDir, List.of());
        Files.writeString(first.pending(), "half an arch");

        assertThat(ClassDataSharing.promote(first.pending(), 137)).isFalse();

        assertThat(first.pending()).doesNotExist();
        assertThat(appDir.resolve(ClassDataSharing.archiveName(List.of()))).doesNotExist();
        assertThat(prepare(appDir, List.of()).pending()).isEqualTo(first.pending());
    }

    @Test
    void aPendingArchiveLeftByARunThatNeverStoppedIsNotMappedButWrittenAgain() throws Exception {
        Path appDir = extracted("booking");
        Path pending = ClassDataSharing.pending(appDir.resolve(ClassDataSharing.archiveName(List.of())));
        Files.writeString(pending, "the launcher was killed before it kept this");

        ClassDataSharing.Launch launch = prepare(appDir, List.of());

        assertThat(launch.jvmArguments()).containsExactly(WRITE + pending);
        assertThat(pending).doesNotExist();
        assertThat(ClassDataSharing.promote(pending, 0)).as("nothing written: nothing kept").isFalse();
    }

    @Test
    void aBrokerWithoutArchiveWritesOneAtExitAndLaterStartsMapIt() throws Exception {
        Path jar = folder.resolve("kafka.jar");
        Files.writeString(jar, "kafka");
        Path dir = folder.resolve("apps/kafka");
        String classpath = jar.toString();

        ClassDataSharing.Launch first = ClassDataSharing.broker(dir, List.of("-Xmx128m"), classpath);
        String write = ClassDataSharing.aotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
        assertThat(first.jvmArguments()).singleElement().asString().startsWith(write + dir.resolve("broker-"));
        assertThat(first.cds()).doesNotStartWith("archive");

        // the JVM wrote it at its clean stop
        Path archive = Path.of(first.jvmArguments().get(0).substring(write.length()));
        Files.writeString(archive, "archive");
        ClassDataSharing.Launch later = ClassDataSharing.broker(dir, List.of("-Xmx128m"), classpath);
        String map = ClassDataSharing.aotCache() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
        assertThat(later.jvmArguments()).containsExactly(map + archive);
        assertThat(later.cds()).startsWith("archive");
    }

    @Test
    void aRebuiltJarOnTheBrokersClasspathLeadsToANewArchiveAndTheStaleOneGoes() throws Exception {
        Path jar = folder.resolve("kafka.jar");
        Files.writeString(jar, "kafka");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Path dir = folder.resolve("apps/kafka");
        String write = ClassDataSharing.aotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
        Path stale = Path.of(ClassDataSharing.broker(dir, List.of(), jar.toString()).jvmArguments().get(0)
                .substring(write.length()));
        Files.writeString(stale, "archive");

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-06-01T00:00:00Z")));
        ClassDataSharing.Launch rebuilt = ClassDataSharing.broker(dir, List.of(), jar.toString());

        assertThat(rebuilt.jvmArguments()).singleElement().asString().startsWith(write)
                .isNotEqualTo(write + stale);
        assertThat(stale).doesNotExist();
        assertThat(ClassDataSharing.broker(dir, List.of("-Xmx64m"), jar.toString()).jvmArguments())
                .as("other options, another archive").doesNotContain(rebuilt.jvmArguments().get(0));
    }

    private static final String WRITE = ClassDataSharing.aotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
    private static final String MAP = ClassDataSharing.aotCache() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";

    /** A service's folder as an earlier run extracted it from its jar (so prepare extracts nothing). */
    private Path extracted(String name) throws Exception {
        Path jar = folder.resolve(name + "-exec.jar");
        write(jar, Map.of("BOOT-INF/classes/A.class", name), Instant.parse("2026-01-01T00:00:00Z"));
        Path appDir = folder.resolve("apps").resolve(name);
        Files.createDirectories(appDir);
        Files.writeString(appDir.resolve("source.txt"), ClassDataSharing.stamp(jar));
        Files.writeString(appDir.resolve(ClassDataSharing.APPLICATION_JAR), "extracted");
        return appDir;
    }

    private ClassDataSharing.Launch prepare(Path appDir, List<String> options) throws Exception {
        Path jar = folder.resolve(appDir.getFileName() + "-exec.jar");
        return ClassDataSharing.prepare(jar, appDir, options, folder.resolve("extract.log"), Duration.ofSeconds(30),
                process -> { });
    }

    private static void write(Path jar, Map<String, String> entries, Instant time) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, String> entry : entries.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setLastModifiedTime(FileTime.from(time));
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }
}
