package io.bantam.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Answers whether a Docker engine is reachable, cheaply and quietly: without any sign of an engine
 * (no {@code DOCKER_HOST}, no socket file, no Testcontainers configuration) it answers no without
 * asking Testcontainers, whose own probe is slow and logs errors when there is no engine.
 */
final class DockerProbe {

    private DockerProbe() {
    }

    static boolean dockerAvailable() {
        return Answer.AVAILABLE;
    }

    static boolean engineHinted(Map<String, String> env, String userHome, Predicate<Path> exists) {
        if (notBlank(env.get("DOCKER_HOST")) || notBlank(env.get("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE"))) {
            return true;
        }
        List<Path> candidates = new ArrayList<>(List.of(
                Path.of("/var/run/docker.sock"),
                Path.of("/run/docker.sock"),
                Path.of(userHome, ".docker", "run", "docker.sock"),
                Path.of(userHome, ".docker", "desktop", "docker.sock"),
                Path.of(userHome, ".colima", "default", "docker.sock"),
                Path.of(userHome, ".rd", "docker.sock"),
                Path.of(userHome, ".testcontainers.properties")));
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (notBlank(runtimeDir)) {
            candidates.add(Path.of(runtimeDir, "docker.sock"));
            candidates.add(Path.of(runtimeDir, "podman", "podman.sock"));
        }
        return candidates.stream().anyMatch(exists);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static final class Answer {
        static final boolean AVAILABLE = probe();

        private static boolean probe() {
            if (!engineHinted(System.getenv(), System.getProperty("user.home"), Files::exists)) {
                return false;
            }
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (Throwable e) { // Testcontainers missing or misconfigured: no Docker for us
                return false;
            }
        }
    }
}
