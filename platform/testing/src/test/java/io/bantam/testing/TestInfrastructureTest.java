package io.bantam.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.bantam.testing.TestInfrastructure.Mode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestInfrastructureTest {

    @Test
    void explicitModesWinWithoutAskingDocker() {
        assertThat(TestInfrastructure.resolveMode("embedded", () -> { throw new AssertionError("asked Docker"); }))
                .isEqualTo(Mode.EMBEDDED);
        assertThat(TestInfrastructure.resolveMode("Testcontainers", () -> false)).isEqualTo(Mode.TESTCONTAINERS);
    }

    @Test
    void autoUsesTestcontainersOnlyWhenDockerAnswers() {
        assertThat(TestInfrastructure.resolveMode(null, () -> true)).isEqualTo(Mode.TESTCONTAINERS);
        assertThat(TestInfrastructure.resolveMode("auto", () -> false)).isEqualTo(Mode.EMBEDDED);
    }

    @Test
    void unknownModeIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestInfrastructure.resolveMode("docker", () -> true));
    }

    @Test
    void dockerIsNotProbedWithoutAnySignOfAnEngine() {
        assertThat(DockerProbe.engineHinted(Map.of(), "/home/nobody", path -> false)).isFalse();
        assertThat(DockerProbe.engineHinted(Map.of("DOCKER_HOST", "tcp://d:2375"), "/h", path -> false)).isTrue();
        assertThat(DockerProbe.engineHinted(Map.of(), "/h", path -> path.equals(Path.of("/var/run/docker.sock"))))
                .isTrue();
    }
}
