package io.bantam.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpringAotTest {

    /** What the launcher itself gives a service, plus the test suites' raised limits: values only. */
    private static final Map<String, String> LAUNCHER = Map.of(
            "SERVER_PORT", "8084", "DB_HOST", "localhost", "SPRING_R2DBC_POOL_MAXSIZE", "5",
            "MANAGEMENT_PORT", "8090", "MANAGEMENT_SERVER_ADDRESS", "127.0.0.1",
            "BANTAM_GATEWAY_RATELIMITS_WRITES_PERMINUTE", "100000", "BANTAM_LOG_DIR", "/tmp/logs", "PATH", "/usr/bin");

    @TempDir
    Path folder;

    @Test
    void theLaunchersOwnSettingsAndTheDefaultOptionsKeepTheBuildsBeans() {
        assertThat(SpringAot.refusal(LAUNCHER, LocalSettings.DEFAULT_JVM_OPTIONS)).isEmpty();
    }

    @Test
    void aSpringOrActuatorSettingFromTheEnvironmentIsRefusedByName() {
        Map<String, String> env = new HashMap<>(LAUNCHER);
        env.put("SPRING_PROFILES_ACTIVE", "demo");
        env.put("MANAGEMENT_OTLP_TRACING_ENDPOINT", "http://collector:4318/v1/traces");

        assertThat(SpringAot.refusal(env, List.of()))
                .hasValue("MANAGEMENT_OTLP_TRACING_ENDPOINT, SPRING_PROFILES_ACTIVE are set, and may switch beans"
                        + " the build fixed");
    }

    @Test
    void aBantamSwitchIsRefusedButABantamValueIsNot() {
        Map<String, String> env = new HashMap<>(LAUNCHER);
        env.put("BANTAM_GATEWAY_RATELIMITS_ENABLED", "false");

        assertThat(SpringAot.refusal(env, List.of())).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("BANTAM_GATEWAY_RATELIMITS_ENABLED is set"));
    }

    @Test
    void aSystemPropertyInTheJvmOptionsIsRefusedToo() {
        assertThat(SpringAot.refusal(LAUNCHER, List.of("-Xmx192m", "-Dspring.reactor.context-propagation=limited")))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("-Dspring.reactor.context-propagation is"));
        assertThat(SpringAot.refusal(LAUNCHER, List.of("-Dbantam.outbox.enabled=false")))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("-Dbantam.outbox.enabled is"));
        assertThat(SpringAot.refusal(LAUNCHER, List.of("-Dbantam.local.colour=none"))).isEmpty();
    }

    @Test
    void onlyAJarWithTheBuildsBeanDefinitionsCountsAsProcessed() throws Exception {
        Path processed = jar("processed.jar", "BOOT-INF/classes/io/bantam/task/TaskApplication.class",
                "BOOT-INF/classes/io/bantam/task/TaskApplication__ApplicationContextInitializer.class");
        Path plain = jar("plain.jar", "BOOT-INF/classes/io/bantam/task/TaskApplication.class");

        assertThat(SpringAot.processed(processed)).isTrue();
        assertThat(SpringAot.processed(plain)).isFalse();
        assertThat(SpringAot.processed(folder.resolve("missing.jar"))).isFalse();
    }

    @Test
    void theOptionGoesFirstAndTheArchiveStaysAsItWas() {
        ClassDataSharing.Launch launch = new ClassDataSharing.Launch(List.of("-XX:AOTCache=/a.aot"), Path.of("app.jar"),
                "archive (AOT cache)");

        assertThat(launch.with(List.of(SpringAot.ENABLED)).jvmArguments())
                .containsExactly("-Dspring.aot.enabled=true", "-XX:AOTCache=/a.aot");
        assertThat(launch.with(List.of())).isSameAs(launch);
    }

    private Path jar(String name, String... entries) throws Exception {
        Path jar = folder.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(new byte[] {1});
                zip.closeEntry();
            }
        }
        return jar;
    }
}
