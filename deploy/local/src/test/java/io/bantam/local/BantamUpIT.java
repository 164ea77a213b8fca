package io.bantam.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.testing.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Starts the system the way {@code ./bantam up} does (the same {@link LocalSystem}, the same
 * catalog and jars), on a temporary state folder and moved ports, then signs up, logs in and reads
 * {@code /api/users/me} through the gateway, and stops everything.
 */
class BantamUpIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path state;

    @Test
    void aFreelancerSignsUpLogsInAndReadsHerProfileThroughTheGateway() throws Exception {
        LocalSettings settings = LocalSettings.from(repositoryRoot(), state, Map.of(
                "BANTAM_PORT_OFFSET", Integer.toString(freeOffset()),
                "BANTAM_READY_TIMEOUT", "240"));
        Collection<Long> pids;
        LocalSystem started = LocalSystem.create(settings, System.out);
        // should this JVM be told to stop (a build timeout), the system goes with it
        Thread stopOnExit = new Thread(started::close, "bantam-it-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try (LocalSystem system = started) {
            system.startUp();
            pids = system.pids().values();
            String gateway = settings.entryPoint().url();
            String email = "ada-" + UUID.randomUUID() + "@example.com";

            HttpResponse<String> signup = post(gateway + "/api/auth/signup", """
                    {"email": "%s", "password": "correct horse battery", "name": "Ada", "role": "FREELANCER"}
                    """.formatted(email), null);
            assertThat(signup.statusCode()).as(signup.body()).isEqualTo(201);
            assertThat(json.readTree(signup.body()).path("accessToken").asString()).isNotBlank();

            HttpResponse<String> login = post(gateway + "/api/auth/login", """
                    {"email": "%s", "password": "correct horse battery"}
                    """.formatted(email), null);
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            String accessToken = json.readTree(login.body()).path("accessToken").asString();

            HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/users/me"))
                    .header("Authorization", "Bearer " + accessToken)
                    .timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            JsonNode user = json.readTree(me.body());
            assertThat(user.path("email").asString()).isEqualTo(email);
            assertThat(user.path("role").asString()).isEqualTo("FREELANCER");
        }

        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        assertThat(settings.ports()).allSatisfy(port -> assertThat(Ports.isListening(port))
                .as("port %d still open after stop", port).isFalse());
        // PostgreSQL's postmaster is not our child: it is gone once init has reaped it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pids)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                        .as("process %d still alive after stop", pid).isEmpty()));
        assertThat(settings.pidFile()).doesNotExist();
    }

    private HttpResponse<String> post(String url, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An offset that moves every default port (5432, 8080-8085, 9092, 9093) onto free ones. */
    private static int freeOffset() {
        List<Integer> defaults = List.of(5432, 8080, 8081, 8082, 8083, 8084, 8085, 9092, 9093);
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = 20_000 + ThreadLocalRandom.current().nextInt(0, 20) * 1000
                    + ThreadLocalRandom.current().nextInt(0, 100);
            if (defaults.stream().allMatch(port -> Ports.isFree(port + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("no free set of ports found");
    }

    private static Path repositoryRoot() {
        String configured = System.getProperty("bantam.root");
        Path candidate = Path.of(configured != null ? configured : "").toAbsolutePath().normalize();
        while (candidate != null && !Files.isRegularFile(candidate.resolve(LocalSettings.CATALOG))) {
            candidate = candidate.getParent();
        }
        if (candidate == null) {
            throw new IllegalStateException("cannot find " + LocalSettings.CATALOG + " above " + configured);
        }
        return candidate;
    }
}
