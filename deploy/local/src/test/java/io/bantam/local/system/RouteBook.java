package io.bantam.local.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the system suites need to know about each operation that its OpenAPI document cannot say: who may call
 * it, how to make an instance of the owner's for its path variables, a valid body and query, and the limits the
 * document leaves out. Keyed like {@link OpenApi.Operation#key()}: {@code "METHOD /path/{template}"}.
 *
 * <p><b>Adding an endpoint</b>: the suites read the route list from the running services, so a new endpoint
 * makes them fail until it has an entry here. Add one {@code route("METHOD /path")} line below with its access
 * ({@code open}, {@code user}, {@code internal}, {@code keys}) and, as it needs: {@code instance} (A's resource
 * for its path variables, from {@link World}), {@code body} (a valid body for A), {@code query} (what a valid
 * call needs), {@code listQueries} (filters that would find A's data), {@code sharedWith} (callers the contract
 * lets see A's resource), {@code reference} (a body by which B or C would name A's people) and {@code maxLength}
 * or {@code format} for fields whose rule the document does not show.
 */
public final class RouteBook {

    /** How an operation is reached. */
    public enum Access {
        /** Through the gateway, without a token (signup, login, refresh, logout). */
        OPEN,
        /** Through the gateway with an access token; every service checks the token again itself. */
        USER,
        /** identity-service's lookups for other services: a service credential, never routed by the gateway. */
        INTERNAL,
        /** identity-service's public keys, read by the services; not routed by the gateway. */
        KEYS
    }

    /** The callers of the tenancy matrix, none of them allowed to see A's data. */
    public enum Caller {
        /** B: another freelancer, with clients and data of its own. */
        OTHER_FREELANCER,
        /** C: a client of B, unrelated to A. */
        OTHER_FREELANCERS_CLIENT,
        /** D: A's other client, connected to A but no party of A's booking with c1. */
        OWNERS_OTHER_CLIENT;

        public World.User of(World world) {
            return switch (this) {
                case OTHER_FREELANCER -> world.b;
                case OTHER_FREELANCERS_CLIENT -> world.c;
                case OWNERS_OTHER_CLIENT -> world.d;
            };
        }

        public String label() {
            return switch (this) {
                case OTHER_FREELANCER -> "another freelancer";
                case OTHER_FREELANCERS_CLIENT -> "another freelancer's client";
                case OWNERS_OTHER_CLIENT -> "the owner's other client";
            };
        }
    }

    /** A field rule the OpenAPI document does not carry (custom constraints, merge-patch classes). */
    public record FieldRule(Integer maxLength, String format) {
    }

    /** What another caller gets instead of 404 (code null: a success), and why the contract says so. */
    public record OthersGet(int status, String code, String why) {
    }

    /** Everything known about one operation; see the class comment for what each part is for. */
    public record Route(
            String key,
            Access access,
            Set<String> roles,
            Function<World, Map<String, String>> instance,
            Function<World, Map<String, String>> fresh,
            String readBack,
            Set<Caller> sharedWith,
            Function<World, String> query,
            List<Function<World, String>> listQueries,
            Function<World, Object> body,
            Map<Caller, Function<World, Object>> references,
            Map<String, FieldRule> fields,
            String tenancy,
            OthersGet othersGet) {

        public boolean allows(String role) {
            return roles.contains(role);
        }

        public Optional<FieldRule> field(String name) {
            return Optional.ofNullable(fields.get(name));
        }

        Route instance(Function<World, Map<String, String>> values) {
            return new Route(key, access, roles, values, values, readBack, sharedWith, query, listQueries, body,
                    references, fields, tenancy, othersGet);
        }

        /** For calls that destroy the instance: a new one each time. */
        Route fresh(Function<World, Map<String, String>> values) {
            return new Route(key, access, roles, instance, values, readBack, sharedWith, query, listQueries, body,
                    references, fields, tenancy, othersGet);
        }

        Route readBack(String getTemplate) {
            return new Route(key, access, roles, instance, fresh, getTemplate, sharedWith, query, listQueries, body,
                    references, fields, tenancy, othersGet);
        }

        Route sharedWith(Caller... callers) {
            return new Route(key, access, roles, instance, fresh, readBack, Set.of(callers), query, listQueries, body,
                    references, fields, tenancy, othersGet);
        }

        Route query(Function<World, String> values) {
            return new Route(key, access, roles, instance, fresh, readBack, sharedWith, values, listQueries, body,
                    references, fields, tenancy, othersGet);
        }

        @SafeVarargs
        final Route listQueries(Function<World, String>... filters) {
            return new Route(key, access, roles, instance, fresh, readBack, sharedWith, query, List.of(filters), body,
                    references, fields, tenancy, othersGet);
        }

        Route body(Function<World, Object> valid) {
            return new Route(key, access, roles, instance, fresh, readBack, sharedWith, query, listQueries, valid,
                    references, fields, tenancy, othersGet);
        }

        Route reference(Caller caller, Function<World, Object> naming) {
            Map<Caller, Function<World, Object>> more = new LinkedHashMap<>(references);
            more.put(caller, naming);
            return new Route(key, access, roles, instance, fresh, readBack, sharedWith, query, listQueries, body, more,
                    fields, tenancy, othersGet);
        }

        Route maxLength(String field, int max) {
            return field(field, new FieldRule(max, field(field).map(FieldRule::format).orElse(null)));
        }

        Route format(String field, String format) {
            return field(field, new FieldRule(field(field).map(FieldRule::maxLength).orElse(null), format));
        }

        private Route field(String field, FieldRule rule) {
            Map<String, FieldRule> more = new LinkedHashMap<>(fields);
            more.put(field, rule);
            return new Route(key, access, roles, instance, fresh, readBack, sharedWith, query, listQueries, body,
                    references, more, tenancy, othersGet);
        }

        /** What tenancy means for a route without an id of another's (it acts on the caller's own data). */
        Route tenancy(String why) {
            return new Route(key, access, roles, instance, fresh, readBack, sharedWith, query, listQueries, body,
                    references, fields, why, othersGet);
        }

        /**
         * For a path variable that is not an id of A's (a date of the caller's own calendar) or that the contract
         * answers with another refusal than 404 (a client that is not the caller's: 422): what another caller of an
         * allowed role gets instead of 404. A's resource must still be unchanged afterwards.
         */
        Route othersGet(int status, String code, String why) {
            return new Route(key, access, roles, instance, fresh, readBack, sharedWith, query, listQueries, body,
                    references, fields, tenancy, new OthersGet(status, code, why));
        }

        @Override
        public String toString() {
            return key;
        }
    }

    private static final String FREELANCER = "FREELANCER";
    private static final String CLIENT = "CLIENT";

    /** Formats of string fields whose schema says only "string". */
    public static final String TIME_ZONE = "iana-time-zone";
    public static final String TIME_OF_DAY = "time-of-day";
    public static final String PASSWORD = "password";
    public static final String PHONE = "phone";
    /** The OpenAPI formats of the same name, for parameters documented as plain strings. */
    public static final String DATE_TIME = "date-time";
    /** A value only compared, never stored or parsed (a refresh token to revoke): any text is merely unknown. */
    public static final String OPAQUE = "opaque";

    private static final Map<String, Route> ROUTES = new LinkedHashMap<>();

    static {
        // identity-service
        add(route("POST /api/auth/signup", Access.OPEN)
                .body(w -> Map.of("email", "new-" + java.util.UUID.randomUUID() + "@example.com",
                        "password", World.PASSWORD, "name", "New", "role", CLIENT, "timeZone", "Europe/Berlin"))
                .format("timeZone", TIME_ZONE).format("password", PASSWORD).maxLength("password", 128)
                .tenancy("creates a new account; no id of anyone's"));
        add(route("POST /api/auth/login", Access.OPEN)
                .body(w -> Map.of("email", w.a.email(), "password", World.PASSWORD))
                .tenancy("answers only for the credentials given"));
        add(route("POST /api/auth/refresh", Access.OPEN)
                .body(w -> Map.of("refreshToken", w.a.refreshToken()))
                .tenancy("answers only for the refresh token given"));
        add(route("POST /api/auth/logout", Access.OPEN)
                .body(w -> Map.of("refreshToken", w.a.refreshToken()))
                .format("refreshToken", OPAQUE)
                .tenancy("revokes only the refresh token given"));
        add(route("GET /api/users/me", Access.USER, FREELANCER, CLIENT)
                .tenancy("the caller's own profile (the token's subject), no id in the request"));
        add(route("PATCH /api/users/me", Access.USER, FREELANCER, CLIENT)
                .body(w -> Map.of("pronouns", "they/them"))
                .format("timeZone", TIME_ZONE).format("phone", PHONE)
                .maxLength("name", 100).maxLength("preferredName", 100).maxLength("pronouns", 40)
                .maxLength("phone", 32)
                .tenancy("the caller's own profile (the token's subject), no id in the request"));
        add(route("GET /internal/users/{id}", Access.INTERNAL)
                .instance(w -> Map.of("id", w.a.id())));
        add(route("GET /internal/users", Access.INTERNAL)
                .query(w -> "email=" + w.a.email())
                .listQueries(w -> "email=" + w.a.email()));
        add(route("GET /.well-known/jwks.json", Access.KEYS)
                .tenancy("public keys, the same for everyone"));

        // relationship-service
        add(route("GET /api/relationships", Access.USER, FREELANCER, CLIENT)
                .listQueries(w -> "", w -> "status=ALL"));
        add(route("POST /api/relationships", Access.USER, FREELANCER)
                .body(w -> Map.of("clientEmail", w.newClient().email()))
                .tenancy("connects the caller; a client may have several freelancers, so connecting A's client"
                        + " is allowed and shows B nothing of A"));
        add(route("GET /api/relationships/{id}", Access.USER, FREELANCER, CLIENT)
                .instance(w -> Map.of("id", w.relationshipAC1))
                .readBack("GET /api/relationships/{id}"));
        add(route("DELETE /api/relationships/{id}", Access.USER, FREELANCER)
                .instance(w -> Map.of("id", w.relationshipAC1))
                .fresh(w -> Map.of("id", w.connect(w.a, w.newClient())))
                .readBack("GET /api/relationships/{id}"));

        // booking-service
        add(route("PUT /api/availability", Access.USER, FREELANCER)
                .body(w -> World.weekly("Europe/Berlin"))
                .format("timeZone", TIME_ZONE).format("weekly[].start", TIME_OF_DAY).format("weekly[].end", TIME_OF_DAY)
                .tenancy("replaces the caller's own availability"));
        add(route("GET /api/availability/{freelancerId}", Access.USER, FREELANCER, CLIENT)
                .instance(w -> Map.of("freelancerId", w.a.id()))
                .sharedWith(Caller.OWNERS_OTHER_CLIENT)
                .readBack("GET /api/availability/{freelancerId}"));
        add(route("GET /api/availability/{freelancerId}/slots", Access.USER, FREELANCER, CLIENT)
                .instance(w -> Map.of("freelancerId", w.a.id()))
                .sharedWith(Caller.OWNERS_OTHER_CLIENT)
                .query(w -> {
                    LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(3);
                    return "from=" + day + "&to=" + day.plusDays(1) + "&durationMinutes=30";
                })
                .readBack("GET /api/availability/{freelancerId}"));
        add(route("PUT /api/availability/rules", Access.USER, FREELANCER)
                .body(w -> Map.of("minimumNoticeMinutes", 0))
                .tenancy("changes the caller's own rules"));
        add(route("GET /api/availability/clients/{clientId}/rules", Access.USER, FREELANCER)
                .instance(w -> Map.of("clientId", w.c1.id()))
                .othersGet(422, "relationship.required", "the contract answers a client that is not the caller's"
                        + " with relationship.required, as for an unknown id")
                .readBack("GET /api/availability/clients/{clientId}/rules"));
        add(route("PUT /api/availability/clients/{clientId}/rules", Access.USER, FREELANCER)
                .instance(w -> Map.of("clientId", w.c1.id()))
                .body(w -> Map.of("horizonDays", 30))
                .othersGet(422, "relationship.required", "the contract answers a client that is not the caller's"
                        + " with relationship.required, as for an unknown id")
                .readBack("GET /api/availability/clients/{clientId}/rules"));
        add(route("PUT /api/availability/overrides/{date}", Access.USER, FREELANCER)
                .instance(w -> Map.of("date", w.overrideDateA.toString(), "freelancerId", w.a.id()))
                .body(w -> Map.of("windows", List.of(Map.of("start", "10:00", "end", "11:00"))))
                .format("windows[].start", TIME_OF_DAY).format("windows[].end", TIME_OF_DAY)
                .othersGet(200, null, "a date names a day of the caller's own calendar, not anything of A's")
                .readBack("GET /api/availability/{freelancerId}"));
        add(route("DELETE /api/availability/overrides/{date}", Access.USER, FREELANCER)
                .instance(w -> Map.of("date", w.overrideDateA.toString(), "freelancerId", w.a.id()))
                .othersGet(204, null, "a date names a day of the caller's own calendar, not anything of A's")
                .readBack("GET /api/availability/{freelancerId}"));
        add(route("POST /api/availability/time-off", Access.USER, FREELANCER)
                .body(w -> w.timeOffBody())
                .maxLength("note", 500)
                .tenancy("adds to the caller's own time off"));
        add(route("DELETE /api/availability/time-off/{id}", Access.USER, FREELANCER)
                .instance(w -> Map.of("id", w.timeOffA, "freelancerId", w.a.id()))
                .fresh(w -> Map.of("id", w.newTimeOff(w.a), "freelancerId", w.a.id()))
                .readBack("GET /api/availability/{freelancerId}"));
        add(route("GET /api/availability/stranded", Access.USER, FREELANCER)
                .tenancy("the caller's own bookings only (the token's subject), no id in the request"));
        add(route("GET /api/bookings", Access.USER, FREELANCER, CLIENT)
                .format("from", DATE_TIME).format("to", DATE_TIME)
                .listQueries(w -> "", w -> {
                    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                    return "from=" + now + "&to=" + now.plus(java.time.Duration.ofDays(400));
                }));
        add(route("POST /api/bookings", Access.USER, FREELANCER, CLIENT)
                .body(w -> w.bookingBody(w.c1))
                .maxLength("title", 200).maxLength("location", 500)
                .reference(Caller.OTHER_FREELANCER, w -> w.bookingBody(w.c1))
                .reference(Caller.OTHER_FREELANCERS_CLIENT, w -> Map.of("freelancerId", w.a.id(),
                        "start", w.nextSlot().toString(), "durationMinutes", 30, "title", "Mine")));
        add(route("GET /api/bookings/{id}", Access.USER, FREELANCER, CLIENT)
                .instance(w -> Map.of("id", w.bookingA))
                .readBack("GET /api/bookings/{id}"));
        add(route("PATCH /api/bookings/{id}", Access.USER, FREELANCER, CLIENT)
                .instance(w -> Map.of("id", w.bookingA))
                .body(w -> Map.of("title", "Moved " + w.tag()))
                .maxLength("title", 200).maxLength("location", 500)
                .readBack("GET /api/bookings/{id}"));
        add(route("DELETE /api/bookings/{id}", Access.USER, FREELANCER, CLIENT)
                .instance(w -> Map.of("id", w.bookingA))
                .fresh(w -> Map.of("id", w.newBooking(w.a, w.c1)))
                .readBack("GET /api/bookings/{id}"));
        add(route("GET /api/bookings/{id}/ics", Access.USER, FREELANCER, CLIENT)
                .instance(w -> Map.of("id", w.bookingA))
                .readBack("GET /api/bookings/{id}"));
        add(route("GET /api/calendar/feed", Access.USER, FREELANCER, CLIENT)
                .tenancy("the caller's own feed address (the token's subject), no id in the request"));
        add(route("POST /api/calendar/feed/reset", Access.USER, FREELANCER, CLIENT)
                .tenancy("replaces the caller's own feed address (the token's subject), no id in the request"));

        // task-service
        add(route("GET /api/tasks", Access.USER, FREELANCER)
                .listQueries(w -> "", w -> "clientId=" + w.c1.id(), w -> "completed=false&priority=HIGH"));
        add(route("POST /api/tasks", Access.USER, FREELANCER)
                .body(w -> w.taskBody(w.c1))
                .maxLength("title", 200).maxLength("description", 5000)
                .reference(Caller.OTHER_FREELANCER, w -> w.taskBody(w.c1)));
        add(route("GET /api/tasks/{id}", Access.USER, FREELANCER)
                .instance(w -> Map.of("id", w.taskA))
                .readBack("GET /api/tasks/{id}"));
        add(route("PATCH /api/tasks/{id}", Access.USER, FREELANCER)
                .instance(w -> Map.of("id", w.taskA))
                .body(w -> Map.of("title", "Renamed " + w.tag(), "completed", true))
                .maxLength("title", 200).maxLength("description", 5000)
                .readBack("GET /api/tasks/{id}"));
        add(route("DELETE /api/tasks/{id}", Access.USER, FREELANCER)
                .instance(w -> Map.of("id", w.taskA))
                .fresh(w -> Map.of("id", w.newTask(w.a, w.c1)))
                .readBack("GET /api/tasks/{id}"));
        add(route("GET /api/tasks/settings", Access.USER, FREELANCER)
                .tenancy("the caller's own preparation settings (the token's subject), no id in the request"));
        add(route("PUT /api/tasks/settings", Access.USER, FREELANCER)
                .body(w -> Map.of("prepareForBookings", false, "prepareDaysBefore", 1))
                .tenancy("replaces the caller's own preparation settings, no id in the request"));

        // notes-service
        add(route("GET /api/notes", Access.USER, FREELANCER)
                .listQueries(w -> "", w -> "clientId=" + w.c1.id(), w -> "q=" + w.noteWord)
                .maxLength("q", 500));
        add(route("POST /api/notes", Access.USER, FREELANCER)
                .body(w -> Map.of("clientId", w.c1.id(), "text", "Prefers mornings"))
                .maxLength("text", 10_000)
                .reference(Caller.OTHER_FREELANCER, w -> Map.of("clientId", w.c1.id(), "text", "Mine now")));
        add(route("GET /api/notes/{id}", Access.USER, FREELANCER)
                .instance(w -> Map.of("id", w.noteA))
                .readBack("GET /api/notes/{id}"));
        add(route("PATCH /api/notes/{id}", Access.USER, FREELANCER)
                .instance(w -> Map.of("id", w.noteA))
                .body(w -> Map.of("text", "Edited by someone " + w.tag()))
                .maxLength("text", 10_000)
                .readBack("GET /api/notes/{id}"));
        add(route("DELETE /api/notes/{id}", Access.USER, FREELANCER)
                .instance(w -> Map.of("id", w.noteA))
                .fresh(w -> Map.of("id", w.newNote(w.a, w.c1, "Short-lived")))
                .readBack("GET /api/notes/{id}"));
    }

    private RouteBook() {
    }

    private static Route route(String key, Access access, String... roles) {
        return new Route(key, access, Set.of(roles), null, null, null, EnumSet.noneOf(Caller.class), null, List.of(),
                null, Map.of(), Map.of(), null, null);
    }

    private static void add(Route route) {
        ROUTES.put(route.key(), route);
    }

    public static Optional<Route> find(String key) {
        return Optional.ofNullable(ROUTES.get(key));
    }

    public static Route of(OpenApi.Operation operation) {
        return find(operation.key()).orElseThrow(() -> new AssertionError(missing(List.of(operation))));
    }

    public static Collection<Route> all() {
        return ROUTES.values();
    }

    /**
     * Problems with the route list against this book: documented operations it does not know (with how to add
     * them) and entries for operations no service documents any more. Empty when they match.
     */
    public static List<String> mismatches(OpenApi api) {
        List<String> problems = new ArrayList<>();
        List<OpenApi.Operation> unknown = api.operations().stream().filter(o -> find(o.key()).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            problems.add(missing(unknown));
        }
        Set<String> documented = new TreeSet<>();
        api.operations().forEach(o -> documented.add(o.key()));
        ROUTES.keySet().stream().filter(key -> !documented.contains(key)).forEach(key -> problems.add(
                "RouteBook knows " + key + " but no service documents it any more: remove or rename its entry"));
        return problems;
    }

    private static String missing(List<OpenApi.Operation> operations) {
        StringBuilder message = new StringBuilder("The system suites do not know how to exercise ");
        operations.forEach(o -> message.append("\n  ").append(o));
        message.append("\nAdd a line per operation to deploy/local/src/test/java/io/bantam/local/system/RouteBook.java,")
                .append(" e.g.\n  add(route(\"GET /api/things/{id}\", Access.USER, FREELANCER)")
                .append("\n          .instance(w -> Map.of(\"id\", w.thingA)).readBack(\"GET /api/things/{id}\"));")
                .append("\n(make A's thing in World.build), so that the tenancy matrix, bad-input and token-attack")
                .append(" suites cover it.");
        return message.toString();
    }
}
