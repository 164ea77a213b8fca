package io.bantam.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSettingsTest {

    @TempDir
    Path root;

    @BeforeEach
    void catalog() throws Exception {
        Files.createDirectories(root.resolve("deploy/local"));
        Files.writeString(root.resolve(LocalSettings.CATALOG), """
                identity 8081 identity-service identity
                gateway  8080 gateway          -
                """);
    }

    @Test
    void defaultsAreTheDocumentedPorts() throws Exception {
        LocalSettings settings = LocalSettings.from(root, root.resolve(".bantam"), Map.of());

        assertThat(settings.ports()).containsExactly(5432, 9092, 9093, 8081, 8080, 8090);
        assertThat(settings.entryPoint().url()).isEqualTo("http://localhost:8080");
        assertThat(settings.classDataSharing()).isTrue();
        assertThat(settings.springAot()).isTrue();
        assertThat(settings.jvmOptions()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    @Test
    void anOffsetMovesEveryPortAndSingleOverridesWin() throws Exception {
        LocalSettings settings = LocalSettings.from(root, root.resolve("other"), Map.of(
                "BANTAM_PORT_OFFSET", "20000",
                "BANTAM_IDENTITY_PORT", "7000",
                "BANTAM_CDS", "false",
                "BANTAM_SPRING_AOT", "false",
                "BANTAM_JVM_OPTS", " -Xmx300m  -Dx=y "));

        assertThat(settings.ports()).containsExactly(25432, 29092, 29093, 7000, 28080, 28090);
        assertThat(settings.classDataSharing()).isFalse();
        assertThat(settings.springAot()).isFalse();
        assertThat(settings.jvmOptions()).containsExactly("-Xmx300m", "-Dx=y");
    }

    @Test
    void everyServiceLearnsWhereEverythingIs() throws Exception {
        LocalSettings settings = LocalSettings.from(root, root.resolve(".bantam"), Map.of());
        LocalSystem system = LocalSystem.create(settings, System.out);

        Map<String, String> identity = system.environment(settings.services().get(0));
        Map<String, String> gateway = system.environment(settings.services().get(1));

        assertThat(identity).containsEntry("SERVER_PORT", "8081")
                .containsEntry("DB_HOST", "localhost").containsEntry("DB_PORT", "5432")
                .containsEntry("DB_NAME", "identity").containsEntry("DB_USER", "identity")
                .containsEntry("DB_PASSWORD", "identity")
                .containsEntry("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"))
                .containsEntry("SPRING_R2DBC_POOL_MAXSIZE", System.getenv().getOrDefault("SPRING_R2DBC_POOL_MAXSIZE", "5"))
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
                .containsEntry("IDENTITY_URL", "http://localhost:8081")
                .containsEntry("GATEWAY_URL", "http://localhost:8080")
                .containsEntry("BANTAM_DATA_DIR", root.resolve(".bantam/data").toString())
                .containsEntry("BANTAM_LOG_DIR", root.resolve(".bantam/logs").toString());
        assertThat(gateway).containsEntry("SERVER_PORT", "8080").doesNotContainKey("DB_NAME")
                .containsEntry("IDENTITY_URL", "http://localhost:8081");
    }

    @Test
    void onlyTheGatewayListensBeyondLoopbackAndItsActuatorDoesNot() throws Exception {
        LocalSettings settings = LocalSettings.from(root, root.resolve(".bantam"), Map.of("BANTAM_PORT_OFFSET", "100"));
        LocalSystem system = LocalSystem.create(settings, System.out);

        assertThat(system.environment(settings.service("identity"))).containsEntry("SERVER_ADDRESS", "127.0.0.1")
                .doesNotContainKey("MANAGEMENT_PORT");
        // the gateway's own address is the launcher's SERVER_ADDRESS, if any (docs/local.md); its actuator
        // (metrics) is on a port of its own, on loopback
        assertThat(system.environment(settings.service("gateway"))).doesNotContainKey("SERVER_ADDRESS")
                .containsEntry("MANAGEMENT_PORT", "8190")
                .containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
    }

    @Test
    void testsCanGiveEveryServiceMoreEnvironmentAndItWins() throws Exception {
        LocalSettings plain = LocalSettings.from(root, root.resolve(".bantam"), Map.of());
        LocalSettings settings = plain
                .withServiceEnvironment(Map.of("BANTAM_GATEWAY_RATELIMITS_WRITES_PERMINUTE", "100000"))
                .withServiceEnvironment(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:1"));

        assertThat(plain.serviceEnvironment()).isEmpty();
        assertThat(settings.serviceEnvironment()).containsOnlyKeys(
                "BANTAM_GATEWAY_RATELIMITS_WRITES_PERMINUTE", "KAFKA_BOOTSTRAP_SERVERS");
        Map<String, String> gateway = LocalSystem.create(settings, System.out).environment(settings.service("gateway"));
        assertThat(gateway).containsEntry("BANTAM_GATEWAY_RATELIMITS_WRITES_PERMINUTE", "100000")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:1")
                .containsEntry("SERVER_PORT", "8080");
    }
}
