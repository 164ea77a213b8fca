package io.bantam.local.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.local.system.Api.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The people and data a suite works with, made through the gateway like any client would:
 *
 * <ul>
 *   <li>{@link #a}: the owner, a freelancer with two clients, {@link #c1} (the party of A's booking, task and
 *       note) and {@link #d} (A's other client); A publishes availability;</li>
 *   <li>{@link #b}: another freelancer with data of its own: client {@link #c}, a booking, a task, a note.</li>
 * </ul>
 *
 * A's booking, task and note need the relationship to have reached booking-, task- and notes-service over
 * Kafka; {@link #build} waits for that, so a world is ready when it returns.
 */
public final class World {

    public static final String PASSWORD = "correct horse battery";

    /** A signed-up user and its session. */
    public record User(String id, String email, String name, String role, String accessToken, String refreshToken) {
        public String token() {
            return accessToken;
        }
    }

    private final Api api;
    private final String tag;
    private final AtomicInteger slot = new AtomicInteger();
    private final Instant firstSlot;

    public final User a;
    public final User b;
    public final User c;
    public final User c1;
    public final User d;

    public String relationshipAC1;
    public String relationshipAD;
    public String relationshipBC;
    public String bookingA;
    public String taskA;
    public String noteA;
    public String bookingB;
    public String taskB;
    public String noteB;
    /** A's time off, and a date with an override of A's. */
    public String timeOffA;
    public LocalDate overrideDateA;
    /** A word only A's note contains: a full-text search by anyone else must not find it. */
    public final String noteWord;

    private World(Api api, String tag) {
        this.api = api;
        this.tag = tag;
        // a day of its own far ahead, so that bookings of different worlds and runs never meet
        this.firstSlot = Instant.now().truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(40 + Math.floorMod(tag.hashCode(), 300)));
        this.noteWord = "zebra" + tag.replaceAll("[^a-z]", "");
        a = signUp(api, "FREELANCER", "a-" + tag);
        b = signUp(api, "FREELANCER", "b-" + tag);
        c = signUp(api, "CLIENT", "c-" + tag);
        c1 = signUp(api, "CLIENT", "c1-" + tag);
        d = signUp(api, "CLIENT", "d-" + tag);
    }

    /** Signs everyone up, connects them, and gives A and B their data. */
    public static World build(Api api) {
        World world = new World(api, UUID.randomUUID().toString().substring(0, 8));
        world.relationshipAC1 = world.connect(world.a, world.c1);
        world.relationshipAD = world.connect(world.a, world.d);
        world.relationshipBC = world.connect(world.b, world.c);
        Reply availability = api.put("/api/availability", weekly("Europe/Berlin"), world.a.token());
        assertThat(availability.status()).as("%s", availability).isEqualTo(200);
        world.overrideDateA = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        Reply override = api.put("/api/availability/overrides/" + world.overrideDateA,
                Map.of("windows", List.of(Map.of("start", "09:00", "end", "12:00"))), world.a.token());
        assertThat(override.status()).as("%s", override).isEqualTo(200);
        world.timeOffA = world.newTimeOff(world.a);
        world.bookingA = world.newBooking(world.a, world.c1);
        world.taskA = world.newTask(world.a, world.c1);
        world.noteA = world.newNote(world.a, world.c1, "Met " + world.noteWord + " at the studio");
        world.bookingB = world.newBooking(world.b, world.c);
        world.taskB = world.newTask(world.b, world.c);
        world.noteB = world.newNote(world.b, world.c, "Calls on Mondays");
        return world;
    }

    public Api api() {
        return api;
    }

    public String tag() {
        return tag;
    }

    /** The ids of A's data that nobody but A (and, for the booking and relationship, c1) may ever see. */
    public List<String> privateIdsOfA() {
        return List.of(relationshipAC1, bookingA, taskA, noteA, timeOffA);
    }

    /** Every weekday 09:00-17:00 in {@code zone}. */
    public static Map<String, Object> weekly(String zone) {
        List<Map<String, String>> windows = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            windows.add(Map.of("day", day, "start", "09:00", "end", "17:00"));
        }
        return Map.of("timeZone", zone, "weekly", windows);
    }

    public static User signUp(Api api, String role, String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        Reply signup = api.post("/api/auth/signup", Map.of("email", email, "password", PASSWORD, "name", name,
                "role", role, "timeZone", "Europe/Berlin"), null);
        assertThat(signup.status()).as("%s", signup).isEqualTo(201);
        return new User(signup.body().path("user").path("id").asString(), email, name, role,
                signup.get("accessToken"), signup.get("refreshToken"));
    }

    /** A new client of nobody yet (e.g. for a connect that must succeed). */
    public User newClient() {
        return signUp(api, "CLIENT", "x-" + tag);
    }

    /** Connects {@code freelancer} with {@code client}; the relationship id. */
    public String connect(User freelancer, User client) {
        Reply relationship = api.post("/api/relationships", Map.of("clientEmail", client.email()), freelancer.token());
        assertThat(relationship.status()).as("%s", relationship).isEqualTo(201);
        return relationship.get("id");
    }

    /** A valid creation body for a booking of {@code freelancer} with {@code client}, in a slot of its own. */
    public Map<String, Object> bookingBody(User client) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", client.id());
        body.put("start", nextSlot().toString());
        body.put("durationMinutes", 30);
        body.put("title", "Session " + tag);
        body.put("location", "Studio");
        return body;
    }

    /** The start of a 30-minute slot no earlier call used (every 40 minutes from this world's day). */
    public Instant nextSlot() {
        return firstSlot.plus(Duration.ofMinutes(40L * slot.getAndIncrement()));
    }

    public String newBooking(User freelancer, User client) {
        return created(() -> api.post("/api/bookings", bookingBody(client), freelancer.token()));
    }

    /** A valid time-off body: an hour on a day of its own, before this world's bookings. */
    public Map<String, Object> timeOffBody() {
        Instant start = firstSlot.minus(Duration.ofDays(10)).plus(Duration.ofMinutes(70L * slot.getAndIncrement()));
        return Map.of("start", start.toString(), "end", start.plus(Duration.ofHours(1)).toString(), "note", "Away");
    }

    public String newTimeOff(User freelancer) {
        return created(() -> api.post("/api/availability/time-off", timeOffBody(), freelancer.token()));
    }

    public Map<String, Object> taskBody(User client) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Send the invoice " + tag);
        body.put("description", "Net 30");
        body.put("priority", "HIGH");
        body.put("dueDate", "2031-01-15");
        body.put("clientId", client.id());
        return body;
    }

    public String newTask(User freelancer, User client) {
        return created(() -> api.post("/api/tasks", taskBody(client), freelancer.token()));
    }

    public String newNote(User freelancer, User client, String text) {
        return created(() -> api.post("/api/notes", Map.of("clientId", client.id(), "text", text), freelancer.token()));
    }

    /**
     * Repeats a creation until it answers 201: the first tries may meet a 422 {@code relationship.required}
     * while the relationship event is still on its way to the service.
     */
    private static String created(Supplier<Reply> create) {
        Reply reply = eventually(create, r -> r.status() != 422);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.get("id");
    }

    /** Repeats a request (up to 30 s) until its answer is the one expected once an event has crossed Kafka. */
    public static Reply eventually(Supplier<Reply> request, Predicate<Reply> expected) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(request::get, expected);
    }
}
