package io.bantam.local.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.local.system.Api.Reply;
import io.bantam.local.system.Api.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The whole-system proof of the contract's "a trace id entering at the gateway (W3C {@code traceparent})
 * follows the request into every service and into Kafka headers, and appears in the logs": a request with a
 * fixed {@code traceparent} that causes events, then the logs ({@code <state>/logs/<name>.log}, JSON lines) and
 * the topic are searched for that trace id. It must be in the gateway's log, the handling service's, and the log
 * of every consumer of the event (which consumed it under the same trace); in the {@code traceparent} header of
 * the event's Kafka record (carried through the outbox); and every log line that names the new resource carries
 * it.
 */
@Order(500)
@ExtendWith(RunningSystem.Shared.class)
class TracePropagationIT {

    private static RunningSystem system;
    private static Api gateway;

    @BeforeAll
    static void theSystem(RunningSystem running) {
        system = running;
        gateway = running.gateway();
    }

    @Test
    void aConnectionFollowsItsTraceThroughTheGatewayRelationshipServiceKafkaAndEveryConsumer() {
        World.User freelancer = World.signUp(gateway, "FREELANCER", "trace-f");
        World.User client = World.signUp(gateway, "CLIENT", "trace-c");
        String traceId = newTraceId();

        Reply connected = gateway.send(Request.to("POST", "/api/relationships").token(freelancer.token())
                .header("traceparent", traceparent(traceId)).json(Map.of("clientEmail", client.email())));
        assertThat(connected.status()).as("%s", connected).isEqualTo(201);
        String relationshipId = connected.get("id");

        List<Topics.Event> events = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> Topics.read(system.kafkaBootstrapServers(), Topics.RELATIONSHIPS,
                        e -> e.value().path("relationshipId").asString("").equals(relationshipId)), e -> !e.isEmpty());
        assertThat(events).as("the RelationshipCreated record of %s", relationshipId).singleElement()
                .satisfies(event -> assertThat(event.headers().get("traceparent"))
                        .as("traceparent header of the record (headers %s)", event.headers()).contains(traceId));

        // the consumers: each service that keeps the relationship projection learns of it under the same trace
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(List.of("gateway", "relationship", "booking", "task", "notes"))
                        .allSatisfy(log -> assertThat(linesWith(log, traceId))
                                .as("lines of %s.log with trace id %s", log, traceId).isNotEmpty()));
        assertEveryLineNamingCarries(relationshipId, traceId);
    }

    @Test
    void aProfileChangeFollowsItsTraceThroughIdentityKafkaAndRelationshipService() {
        World.User freelancer = World.signUp(gateway, "FREELANCER", "trace-f");
        World.User client = World.signUp(gateway, "CLIENT", "trace-c");
        Reply connected = gateway.post("/api/relationships", Map.of("clientEmail", client.email()), freelancer.token());
        assertThat(connected.status()).as("%s", connected).isEqualTo(201);
        String traceId = newTraceId();
        String pronouns = "tr-" + traceId.substring(0, 8);

        Reply patched = gateway.send(Request.to("PATCH", "/api/users/me").token(client.token())
                .header("traceparent", traceparent(traceId)).json(Map.of("pronouns", pronouns)));
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);

        List<Topics.Event> events = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> Topics.read(system.kafkaBootstrapServers(), Topics.USERS,
                        e -> e.value().path("user").path("pronouns").asString("").equals(pronouns)), e -> !e.isEmpty());
        assertThat(events).as("the UserProfileUpdated record").singleElement()
                .satisfies(event -> assertThat(event.headers().get("traceparent"))
                        .as("traceparent header of the record (headers %s)", event.headers()).contains(traceId));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(List.of("gateway", "identity", "relationship"))
                        .allSatisfy(log -> assertThat(linesWith(log, traceId))
                                .as("lines of %s.log with trace id %s", log, traceId).isNotEmpty()));
    }

    /** Every JSON log line, in any service's log, that names {@code id} carries {@code traceId}. */
    private static void assertEveryLineNamingCarries(String id, String traceId) {
        List<String> without = new ArrayList<>();
        for (String log : List.of("gateway", "identity", "relationship", "booking", "task", "notes")) {
            for (String line : lines(log)) {
                if (line.contains(id) && !carries(line, traceId)) {
                    without.add(log + ": " + line);
                }
            }
        }
        assertThat(without).as("log lines naming %s without its trace id %s", id, traceId).isEmpty();
    }

    private static List<String> linesWith(String log, String traceId) {
        return lines(log).stream().filter(line -> carries(line, traceId)).toList();
    }

    /** A JSON log line whose trace id (ECS {@code traceId}, or {@code trace.id}) is {@code traceId}. */
    private static boolean carries(String line, String traceId) {
        if (!line.contains(traceId)) {
            return false;
        }
        try {
            JsonNode json = Api.JSON.readTree(line);
            return traceId.equals(json.path("traceId").asString(""))
                    || traceId.equals(json.path("trace").path("id").asString(""))
                    || traceId.equals(json.path("trace.id").asString(""));
        } catch (JacksonException notJson) {
            return false;
        }
    }

    private static List<String> lines(String log) {
        Path file = system.logDir().resolve(log + ".log");
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String newTraceId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String traceparent(String traceId) {
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(span);
        return "00-" + traceId + "-" + HexFormat.of().formatHex(span) + "-01";
    }
}
