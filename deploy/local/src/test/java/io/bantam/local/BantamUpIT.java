package io.bantam.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.local.system.RunningSystem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Walks the public contract through the gateway of the system the way {@code ./bantam up} starts it (the same
 * {@link LocalSystem}, the same catalog and jars), on moved ports: the one system the system suites share
 * ({@link RunningSystem}), whose closing at the end of the run checks that stopping leaves no port open and no
 * process alive.
 */
@Order(100)
@ExtendWith(RunningSystem.Shared.class)
class BantamUpIT {

    private static final String PASSWORD = "correct horse battery";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<String> WEEK =
            List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper json = new ObjectMapper();

    private static String gateway;

    @BeforeAll
    static void theSystemTheWayBantamUpStartsIt(RunningSystem system) {
        gateway = system.settings().entryPoint().url();
    }

    /**
     * The server keeps a small page cache of its own (docs/local.md, session 22), set on the command line, so that
     * neither the data folder's configuration nor a leftover {@code ALTER SYSTEM} decides it.
     */
    @Test
    void postgresRunsWithTheLaunchersSmallSharedBuffers(RunningSystem system) throws Exception {
        String url = "jdbc:postgresql://localhost:" + system.settings().postgresPort() + "/task";
        try (Connection connection = DriverManager.getConnection(url, "task", "task");
                Statement statement = connection.createStatement();
                ResultSet shown = statement.executeQuery("SHOW shared_buffers")) {
            assertThat(shown.next()).isTrue();
            assertThat(shown.getString(1)).isEqualTo(LocalPostgres.SHARED_BUFFERS);
        }
    }

    @Test
    void aFreelancerSignsUpLogsInAndReadsHerProfileThroughTheGateway() throws Exception {
        String email = "ada-" + UUID.randomUUID() + "@example.com";

        Reply signup = call("POST", "/api/auth/signup", Map.of(
                "email", email, "password", PASSWORD, "name", "Ada", "role", "FREELANCER"), null);
        assertThat(signup.status()).as(signup.text()).isEqualTo(201);
        assertThat(signup.body().path("accessToken").asString()).isNotBlank();

        Reply login = call("POST", "/api/auth/login", Map.of("email", email, "password", PASSWORD), null);
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        String accessToken = login.body().path("accessToken").asString();

        Reply me = call("GET", "/api/users/me", null, accessToken);
        assertThat(me.status()).as(me.text()).isEqualTo(200);
        assertThat(me.body().path("email").asString()).isEqualTo(email);
        assertThat(me.body().path("role").asString()).isEqualTo("FREELANCER");
    }

    /**
     * The whole contract, in the order a freelancer meets it: the port of the smoke journey run
     * against a live {@code ./bantam up}. Where an effect travels over Kafka (a relationship reaching
     * booking-, task- and notes-service, a profile reaching relationship-service) it waits with
     * Awaitility for the answer the contract promises once the event has arrived.
     */
    @Test
    void aFreelancerAndTwoClientsWalkTheWholeContractThroughTheGateway() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);

        // 1. a freelancer and two clients sign up; login works
        JsonNode freelancer = signUp("FREELANCER", tag);
        JsonNode client1 = signUp("CLIENT", tag);
        JsonNode client2 = signUp("CLIENT", tag);
        String f = freelancer.path("accessToken").asString();
        String c1 = client1.path("accessToken").asString();
        String c2 = client2.path("accessToken").asString();
        String freelancerId = freelancer.path("user").path("id").asString();
        String client1Id = client1.path("user").path("id").asString();
        String client2Id = client2.path("user").path("id").asString();
        assertThat(freelancer.path("user").path("timeZone").asString()).isEqualTo("Europe/Berlin");
        Reply login = call("POST", "/api/auth/login",
                Map.of("email", freelancer.path("user").path("email").asString(), "password", PASSWORD), null);
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        assertThat(login.body().path("user").path("id").asString()).isEqualTo(freelancerId);

        // 2. the freelancer connects both clients by email (case-insensitively)
        String client1Email = client1.path("user").path("email").asString();
        Reply relationship1 = call("POST", "/api/relationships",
                Map.of("clientEmail", client1Email.toUpperCase()), f);
        assertThat(relationship1.status()).as(relationship1.text()).isEqualTo(201);
        assertThat(relationship1.body().path("clientId").asString()).isEqualTo(client1Id);
        assertThat(relationship1.body().path("freelancerId").asString()).isEqualTo(freelancerId);
        assertThat(relationship1.body().path("status").asString()).isEqualTo("ACTIVE");
        Reply relationship2 = call("POST", "/api/relationships",
                Map.of("clientEmail", client2.path("user").path("email").asString()), f);
        assertThat(relationship2.status()).as(relationship2.text()).isEqualTo(201);
        assertThat(relationship2.body().path("clientId").asString()).isEqualTo(client2Id);
        assertProblem(call("POST", "/api/relationships", Map.of("clientEmail", client1Email), f),
                409, "relationship.exists");
        assertProblem(call("POST", "/api/relationships", Map.of("clientEmail", client1Email), c1),
                403, "role.forbidden");

        // 3. availability every day 09:00-17:00 Berlin; a client reads the slots of a day ahead
        List<Map<String, String>> weekly = new ArrayList<>();
        WEEK.forEach(day -> weekly.add(Map.of("day", day, "start", "09:00", "end", "17:00")));
        Reply availability = call("PUT", "/api/availability", Map.of("timeZone", "Europe/Berlin", "weekly", weekly), f);
        assertThat(availability.status()).as(availability.text()).isEqualTo(200);
        assertThat(availability.body().path("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(availability.body().path("weekly").size()).isEqualTo(7);

        LocalDate day = LocalDate.now(BERLIN).plusDays(10);
        Reply slots = eventually(() -> call("GET", "/api/availability/" + freelancerId + "/slots?from=" + day
                + "&to=" + day + "&durationMinutes=60", null, c1), status(200));
        List<String> starts = new ArrayList<>();
        slots.body().path("items").forEach(slot -> starts.add(slot.path("start").asString()));
        // 09:00, 09:15 ... 16:00: a 60-minute appointment on the 15-minute grid
        assertThat(starts).hasSize(29);
        assertThat(Instant.parse(starts.get(0)).atZone(BERLIN).toLocalDate()).isEqualTo(day);
        assertThat(Instant.parse(starts.get(0)).atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        String first = starts.get(0);

        // 4. bookings: the freelancer books client 1 at the first slot
        Reply kickOff = eventually(() -> call("POST", "/api/bookings", Map.of(
                "clientId", client1Id, "start", first, "durationMinutes", 60, "title", "Kick-off"), f), status(201));
        assertThat(kickOff.body().path("freelancerId").asString()).isEqualTo(freelancerId);
        assertThat(kickOff.body().path("clientId").asString()).isEqualTo(client1Id);
        assertThat(Instant.parse(kickOff.body().path("start").asString())).isEqualTo(Instant.parse(first));
        assertThat(Instant.parse(kickOff.body().path("end").asString()))
                .isEqualTo(Instant.parse(first).plus(Duration.ofMinutes(60)));
        assertThat(kickOff.body().path("durationMinutes").asInt()).isEqualTo(60);

        // the freelancer is refused a second, overlapping booking with client 2
        Reply overlap = eventually(() -> call("POST", "/api/bookings", Map.of(
                "clientId", client2Id, "start", first, "durationMinutes", 30, "title", "Overlap"), f),
                notStatus(422));
        assertProblem(overlap, 409, "booking.conflict");
        assertThat(overlap.body().path("conflictingParty").asString()).isEqualTo("FREELANCER");

        // client 1 is refused the same freelancer at an overlapping time
        assertProblem(call("POST", "/api/bookings", Map.of(
                "freelancerId", freelancerId, "start", first, "durationMinutes", 30, "title", "Mine"), c1),
                409, "booking.conflict");

        // another freelancer is refused client 1 at that time: the client is the conflicting party
        JsonNode other = signUp("FREELANCER", tag);
        String o = other.path("accessToken").asString();
        Reply otherRelationship = call("POST", "/api/relationships", Map.of("clientEmail", client1Email), o);
        assertThat(otherRelationship.status()).as(otherRelationship.text()).isEqualTo(201);
        Reply clientBusy = eventually(() -> call("POST", "/api/bookings", Map.of(
                "clientId", client1Id, "start", first, "durationMinutes", 60, "title", "Elsewhere"), o),
                notStatus(422));
        assertProblem(clientBusy, 409, "booking.conflict");
        assertThat(clientBusy.body().path("conflictingParty").asString()).isEqualTo("CLIENT");

        // client 2 books inside availability (11:00 Berlin) and is refused outside it (02:00 Berlin)
        String eleven = starts.get(8);
        Reply clientOwn = eventually(() -> call("POST", "/api/bookings", Map.of(
                "freelancerId", freelancerId, "start", eleven, "durationMinutes", 60, "title", "Client's own"), c2),
                status(201));
        assertThat(clientOwn.body().path("clientId").asString()).isEqualTo(client2Id);
        assertThat(clientOwn.body().path("freelancerId").asString()).isEqualTo(freelancerId);
        assertThat(Instant.parse(clientOwn.body().path("end").asString()))
                .isEqualTo(Instant.parse(eleven).plus(Duration.ofMinutes(60)));
        String night = LocalDate.now(ZoneOffset.UTC).plusDays(11) + "T01:00:00Z";
        assertProblem(call("POST", "/api/bookings", Map.of(
                "freelancerId", freelancerId, "start", night, "durationMinutes", 60, "title", "Night"), c2),
                422, "booking.outside-availability");

        // 5. tasks about client 1: created, completed, listed; clients may not see tasks
        Reply task = eventually(() -> call("POST", "/api/tasks", Map.of(
                "title", "Send invoice", "priority", "HIGH", "dueDate", day.toString(), "clientId", client1Id), f),
                status(201));
        String taskId = task.body().path("id").asString();
        assertThat(task.body().path("completed").asBoolean()).isFalse();
        assertThat(task.body().path("clientId").asString()).isEqualTo(client1Id);
        Reply completed = call("PATCH", "/api/tasks/" + taskId, Map.of("completed", true), f);
        assertThat(completed.status()).as(completed.text()).isEqualTo(200);
        assertThat(completed.body().path("completed").asBoolean()).isTrue();
        Reply done = call("GET", "/api/tasks?completed=true", null, f);
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(ids(done.body())).contains(taskId);
        assertProblem(call("GET", "/api/tasks", null, c1), 403, "role.forbidden");

        // notes about client 1, found again by a stemmed word
        String text = "Prefers calls in the morning; calling on Tuesdays works";
        Reply note = eventually(() -> call("POST", "/api/notes", Map.of("clientId", client1Id, "text", text), f),
                status(201));
        String noteId = note.body().path("id").asString();
        assertThat(note.body().path("text").asString()).isEqualTo(text);
        Reply found = call("GET", "/api/notes?q=call", null, f);
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        assertThat(ids(found.body())).contains(noteId);

        // 6. a client's profile change shows in the freelancer's relationships within 5 seconds
        String preferredName = "Client One " + tag;
        Reply patched = call("PATCH", "/api/users/me", Map.of("preferredName", preferredName), c1);
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.body().path("preferredName").asString()).isEqualTo(preferredName);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            Reply relationships = call("GET", "/api/relationships", null, f);
            assertThat(relationships.status()).as(relationships.text()).isEqualTo(200);
            List<String> names = new ArrayList<>();
            relationships.body().path("items").forEach(r -> {
                if (r.path("client").path("id").asString().equals(client1Id)) {
                    names.add(r.path("client").path("preferredName").asString());
                }
            });
            assertThat(names).containsExactly(preferredName);
        });

        // 7. the freelancer ends the relationship with client 2: new bookings for the pair are refused,
        // the existing one stays readable
        Reply ended = call("DELETE", "/api/relationships/" + relationship2.body().path("id").asString(), null, f);
        assertThat(ended.status()).as(ended.text()).isEqualTo(204);
        String later = starts.get(12);
        Reply refused = eventually(() -> call("POST", "/api/bookings", Map.of(
                "clientId", client2Id, "start", later, "durationMinutes", 30, "title", "After end"), f), status(422));
        assertProblem(refused, 422, "relationship.required");
        Reply stillThere = call("GET", "/api/bookings/" + clientOwn.body().path("id").asString(), null, c2);
        assertThat(stillThere.status()).as(stillThere.text()).isEqualTo(200);
        assertThat(stillThere.body().path("clientId").asString()).isEqualTo(client2Id);
    }

    private JsonNode signUp(String role, String tag) throws Exception {
        String email = role.toLowerCase() + "-" + tag + "-" + UUID.randomUUID().toString().substring(0, 4)
                + "@example.com";
        Reply signup = call("POST", "/api/auth/signup", Map.of("email", email, "password", PASSWORD,
                "name", role + " " + tag, "role", role, "timeZone", "Europe/Berlin"), null);
        assertThat(signup.status()).as(signup.text()).isEqualTo(201);
        assertThat(signup.body().path("accessToken").asString()).isNotBlank();
        assertThat(signup.body().path("user").path("role").asString()).isEqualTo(role);
        return signup.body();
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.text()).startsWith("application/problem+json");
        assertThat(reply.body().path("code").asString()).as(reply.text()).isEqualTo(code);
        assertThat(reply.body().path("status").asInt()).isEqualTo(status);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    /** Repeats a request until its answer is the one expected once an event has crossed Kafka. */
    private static Reply eventually(java.util.concurrent.Callable<Reply> request, Predicate<Reply> expected) {
        return waiting().until(request, expected);
    }

    private static ConditionFactory waiting() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200));
    }

    private static Predicate<Reply> status(int status) {
        return reply -> reply.status() == status;
    }

    private static Predicate<Reply> notStatus(int status) {
        return reply -> reply.status() != status;
    }

    private record Reply(int status, String contentType, String text, JsonNode body) {
    }

    private static Reply call(String method, String path, Object body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(15))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        JsonNode parsed = text == null || text.isBlank() ? json.missingNode() : json.readTree(text);
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                method + " " + path + " -> " + response.statusCode() + " " + text, parsed);
    }
}
