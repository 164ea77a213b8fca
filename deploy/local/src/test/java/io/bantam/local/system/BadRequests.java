package io.bantam.local.system;

import io.bantam.local.system.Api.Request;
import io.bantam.local.system.OpenApi.Operation;
import io.bantam.local.system.OpenApi.Parameter;
import io.bantam.local.system.RouteBook.FieldRule;
import io.bantam.local.system.RouteBook.Route;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests that are wrong, derived from an operation's OpenAPI schema (and the rules {@link RouteBook} adds):
 * malformed JSON, every field with a wrong type, each required field missing, strings over their limit,
 * unknown enum values, invalid dates, times and zones, non-UUID ids in paths and queries, bodies over 1 MiB, a
 * wrong {@code Content-Type}, unknown members; plus random invalid values per field type from jqwik's
 * generators (seeded, so a failure repeats with {@code -Dbantam.seed=<seed>}).
 */
public final class BadRequests {

    /** One bad request and the status it must get: a specific one, or any 4xx when {@code status} is 0. */
    public record Case(String name, Request request, int status) {
    }

    /** What a field is, for choosing what is wrong for it. */
    enum Kind { TEXT, OPAQUE, UUID, DATE, DATE_TIME, ENUM, INTEGER, BOOLEAN, ARRAY, OBJECT, TIME_ZONE, TIME_OF_DAY,
        EMAIL, PASSWORD, PHONE }

    /** A wrong value: how a test names it, and its JSON text. */
    record Bad(String label, String json) {
    }

    private static final String PLACEHOLDER = "\u0001bad-value\u0001";
    private static final int RANDOM_PER_FIELD = 3;
    private static final int MIB = 1024 * 1024;

    /**
     * Random values come from jqwik's arbitraries through {@code sampleStream()}, the part of jqwik that runs
     * outside its own engine (these are dynamic tests of JUnit Jupiter); its source of randomness is seeded here,
     * for this thread, so a seed gives the same cases again.
     */
    public BadRequests(long seed) {
        net.jqwik.engine.SourceOfRandomness.create(Long.toString(seed));
    }

    /** Every bad request for one operation, sent as {@code token} to a valid instance ({@code pathValues}). */
    public List<Case> of(Operation operation, Route route, World world, String token) {
        Map<String, String> pathValues = route.instance() == null ? Map.of() : route.instance().apply(world);
        String query = route.query() == null ? "" : route.query().apply(world);
        String path = operation.path(pathValues);
        List<Case> cases = new ArrayList<>();
        if (operation.hasBody()) {
            Object baseline = route.body().apply(world);
            cases.addAll(bodyCases(operation, route, Api.JSON.valueToTree(baseline), withQuery(path, query), token));
        }
        for (Parameter parameter : operation.pathParameters()) {
            for (Bad bad : badIds()) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(parameter.name(), bad.json());
                cases.add(new Case("path " + parameter.name() + " = " + bad.label(),
                        request(operation, withQuery(operation.path(values), query), token, world, route), 0));
            }
        }
        for (Parameter parameter : operation.queryParameters()) {
            cases.addAll(queryCases(operation, route, parameter, path, query, token, world));
        }
        return cases;
    }

    private Request request(Operation operation, String path, String token, World world, Route route) {
        Request request = Request.to(operation.method(), path).token(token);
        return operation.hasBody() ? request.json(route.body().apply(world)) : request;
    }

    // ---------------------------------------------------------------- bodies

    private List<Case> bodyCases(Operation operation, Route route, JsonNode baseline, String path, String token) {
        List<Case> cases = new ArrayList<>();
        String method = operation.method();
        String valid = Api.JSON.writeValueAsString(baseline);
        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("truncated JSON", valid.substring(0, valid.length() / 2));
        malformed.put("not JSON at all", "this is not json");
        malformed.put("an unclosed object", "{");
        malformed.put("a trailing comma", valid.substring(0, valid.length() - 1) + ",}");
        malformed.put("single quotes", valid.replace('"', '\''));
        malformed.put("an array instead of an object", "[" + valid + "]");
        malformed.put("an empty array", "[]");
        malformed.put("a string instead of an object", "\"text\"");
        malformed.put("a number instead of an object", "42");
        malformed.put("JSON null", "null");
        malformed.put("an empty body", "");
        malformed.put("arrays nested 5000 deep", "[".repeat(5000) + "]".repeat(5000));
        malformed.forEach((label, text) -> cases.add(new Case("body: " + label,
                Request.to(method, path).token(token).raw("application/json", text), 0)));

        byte[] invalidUtf8 = (valid.substring(0, valid.length() - 1) + ",\"x\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[invalidUtf8.length + 4];
        System.arraycopy(invalidUtf8, 0, broken, 0, invalidUtf8.length);
        broken[invalidUtf8.length] = (byte) 0xC3;
        broken[invalidUtf8.length + 1] = (byte) 0x28;
        broken[invalidUtf8.length + 2] = '"';
        broken[invalidUtf8.length + 3] = '}';
        cases.add(new Case("body: invalid UTF-8", Request.to(method, path).token(token).raw("application/json", broken), 0));

        cases.add(new Case("Content-Type text/plain", Request.to(method, path).token(token).raw("text/plain", valid), 415));
        cases.add(new Case("Content-Type application/xml",
                Request.to(method, path).token(token).raw("application/xml", "<task/>"), 415));
        cases.add(new Case("no Content-Type", Request.to(method, path).token(token).raw(null, valid), 415));

        JsonNode schema = operation.resolve(operation.bodySchema());
        String bigField = firstStringField(operation, schema);
        ObjectNode huge = ((ObjectNode) baseline.deepCopy()).put(bigField, "x".repeat(MIB + 10_000));
        cases.add(new Case("a body over 1 MiB", Request.to(method, path).token(token).json(huge), 413));

        ObjectNode unknown = ((ObjectNode) baseline.deepCopy()).put("notAField", 1);
        cases.add(new Case("an unknown member", Request.to(method, path).token(token).json(unknown), 400));

        Set<String> required = new java.util.TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        for (String name : required) {
            ObjectNode without = (ObjectNode) baseline.deepCopy();
            without.remove(name);
            cases.add(new Case("required " + name + " missing", Request.to(method, path).token(token).json(without), 400));
            cases.add(new Case("required " + name + " null",
                    Request.to(method, path).token(token).raw("application/json", with(baseline, name, "null")), 400));
        }

        schema.path("properties").properties().forEach(property -> {
            String name = property.getKey();
            JsonNode fieldSchema = operation.resolve(property.getValue());
            FieldRule rule = route.field(name).orElse(null);
            for (Bad bad : badValues(fieldSchema, rule, required.contains(name))) {
                cases.add(new Case(name + " = " + bad.label(),
                        Request.to(method, path).token(token).raw("application/json", with(baseline, name, bad.json())), 0));
            }
            JsonNode items = operation.resolve(fieldSchema.path("items"));
            if (kind(fieldSchema, rule) == Kind.ARRAY && items.path("properties").isObject()
                    && baseline.path(name).isArray() && !baseline.path(name).isEmpty()) {
                Set<String> itemRequired = new java.util.TreeSet<>();
                items.path("required").forEach(n -> itemRequired.add(n.asString()));
                items.path("properties").properties().forEach(itemProperty -> {
                    String itemName = itemProperty.getKey();
                    FieldRule itemRule = route.field(name + "[]." + itemName).orElse(null);
                    JsonNode itemSchema = operation.resolve(itemProperty.getValue());
                    for (Bad bad : badValues(itemSchema, itemRule, itemRequired.contains(itemName))) {
                        cases.add(new Case(name + "[0]." + itemName + " = " + bad.label(), Request.to(method, path)
                                .token(token).raw("application/json", withItem(baseline, name, itemName, bad.json())), 0));
                    }
                });
            }
        });
        return cases;
    }

    /** The wrong values for a field: other JSON types, then what is wrong for its kind, then random ones. */
    List<Bad> badValues(JsonNode schema, FieldRule rule, boolean required) {
        Kind kind = kind(schema, rule);
        List<Bad> bad = new ArrayList<>();
        switch (kind) {
            case INTEGER -> {
                bad.add(new Bad("a string", "\"abc\""));
                bad.add(new Bad("a numeric string", "\"30\""));
                bad.add(new Bad("a fraction", "30.5"));
                bad.add(new Bad("a boolean", "true"));
                bad.add(new Bad("an object", "{}"));
                bad.add(new Bad("an array", "[30]"));
                bad.add(new Bad("beyond int32", "99999999999"));
                bad.add(new Bad("1e400", "1e400"));
                if (schema.has("minimum")) {
                    long below = schema.path("minimum").asLong() - 1;
                    bad.add(new Bad("below the minimum (" + below + ")", Long.toString(below)));
                    Arbitrary<Integer> lower = Arbitraries.integers().lessOrEqual((int) below);
                    randoms(lower, v -> true).forEach(v -> bad.add(new Bad("random below the minimum: " + v, v.toString())));
                }
                if (schema.has("maximum")) {
                    long above = schema.path("maximum").asLong() + 1;
                    bad.add(new Bad("above the maximum (" + above + ")", Long.toString(above)));
                    Arbitrary<Integer> higher = Arbitraries.integers().greaterOrEqual((int) above);
                    randoms(higher, v -> true).forEach(v -> bad.add(new Bad("random above the maximum: " + v, v.toString())));
                }
            }
            case BOOLEAN -> {
                bad.add(new Bad("a string", "\"yes\""));
                bad.add(new Bad("the string \"true\"", "\"true\""));
                bad.add(new Bad("a number", "1"));
                bad.add(new Bad("an object", "{}"));
                bad.add(new Bad("an array", "[true]"));
            }
            case ARRAY -> {
                bad.add(new Bad("a string", "\"x\""));
                bad.add(new Bad("an object", "{}"));
                bad.add(new Bad("a number", "1"));
                bad.add(new Bad("an array of numbers", "[1, 2]"));
                bad.add(new Bad("an array holding null", "[null]"));
                if (schema.has("maxItems")) {
                    int over = schema.path("maxItems").asInt() + 1;
                    bad.add(new Bad("over maxItems (" + over + " items)", "[" + String.join(",",
                            java.util.Collections.nCopies(over, "{\"day\":\"MONDAY\",\"start\":\"09:00\",\"end\":\"09:30\"}"))
                            + "]"));
                }
            }
            case OBJECT -> {
                bad.add(new Bad("a string", "\"x\""));
                bad.add(new Bad("a number", "1"));
                bad.add(new Bad("an array", "[]"));
            }
            default -> {
                bad.add(new Bad("a number", "12345"));
                bad.add(new Bad("a boolean", "true"));
                bad.add(new Bad("an object", "{\"value\":\"x\"}"));
                bad.add(new Bad("an array", "[\"x\"]"));
                bad.addAll(badText(kind, schema, rule, required));
            }
        }
        return bad;
    }

    private List<Bad> badText(Kind kind, JsonNode schema, FieldRule rule, boolean required) {
        List<Bad> bad = new ArrayList<>();
        switch (kind) {
            case UUID -> {
                badIds().forEach(id -> bad.add(new Bad(id.label(), quote(id.json()))));
                randoms(Arbitraries.strings().ofMaxLength(40), s -> !isUuid(s))
                        .forEach(s -> bad.add(new Bad("random non-UUID " + quote(s), quote(s))));
            }
            case DATE -> {
                for (String date : List.of("2026-02-30", "2026-13-01", "31.12.2026", "2026-1-1", "", "2026-12-01T10:00:00Z",
                        "+999999999-12-31")) {
                    bad.add(new Bad(quote(date), quote(date)));
                }
                randoms(Arbitraries.strings().ofMaxLength(20), s -> !isDate(s))
                        .forEach(s -> bad.add(new Bad("random non-date " + quote(s), quote(s))));
            }
            case DATE_TIME -> {
                for (String instant : List.of("2026-12-01T25:00:00Z", "2026-12-01 09:00", "tomorrow", "",
                        "2026-12-01T09:00:00", "2026-02-30T09:00:00Z", "2026-12-01", "+999999999-12-31T23:59:59Z",
                        "-999999999-01-01T00:00:00Z", "10000-01-01T00:00:00Z")) {
                    bad.add(new Bad(quote(instant), quote(instant)));
                }
                randoms(Arbitraries.strings().ofMaxLength(30), s -> !isInstant(s))
                        .forEach(s -> bad.add(new Bad("random non-instant " + quote(s), quote(s))));
            }
            case ENUM -> {
                List<String> values = new ArrayList<>();
                schema.path("enum").forEach(v -> values.add(v.asString()));
                bad.add(new Bad("an unknown value", "\"NOPE\""));
                bad.add(new Bad("lower case " + values.get(0).toLowerCase(), quote(values.get(0).toLowerCase())));
                bad.add(new Bad("an empty string", "\"\""));
                bad.add(new Bad("an ordinal number", "1"));
                randoms(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), s -> !values.contains(s))
                        .forEach(s -> bad.add(new Bad("random unknown " + quote(s), quote(s))));
            }
            case TIME_ZONE -> {
                for (String zone : List.of("Mars/Olympus", "Europe/Atlantis", "", "+25:00", "europe/berlin ")) {
                    bad.add(new Bad(quote(zone), quote(zone)));
                }
                randoms(Arbitraries.strings().ofMinLength(1).ofMaxLength(30), s -> !isZone(s))
                        .forEach(s -> bad.add(new Bad("random non-zone " + quote(s), quote(s))));
            }
            case TIME_OF_DAY -> {
                for (String time : List.of("25:00", "9:00", "09:60", "noon", "", "09:00:00", "24:01")) {
                    bad.add(new Bad(quote(time), quote(time)));
                }
                randoms(Arbitraries.strings().ofMaxLength(8), s -> !isTimeOfDay(s))
                        .forEach(s -> bad.add(new Bad("random non-time " + quote(s), quote(s))));
            }
            case EMAIL -> {
                for (String email : List.of("no-at-sign", "a@", "@example.com", "", "two@@example.com")) {
                    bad.add(new Bad(quote(email), quote(email)));
                }
            }
            case PASSWORD -> {
                bad.add(new Bad("7 characters", quote("short12")));
                bad.add(new Bad("129 characters", quote("p".repeat(129))));
                bad.add(new Bad("empty", "\"\""));
            }
            case PHONE -> bad.add(new Bad("letters", quote("call me maybe")));
            default -> {
                // free text: checked below
            }
        }
        Integer max = schema.has("maxLength") ? Integer.valueOf(schema.path("maxLength").asInt())
                : rule == null ? null : rule.maxLength();
        if (max != null && kind != Kind.UUID && kind != Kind.ENUM) {
            bad.add(new Bad("one over maxLength (" + (max + 1) + ")", quote(filler(kind, max + 1))));
            bad.add(new Bad("100 kB", quote(filler(kind, 100_000))));
            randoms(Arbitraries.strings().all().ofMinLength(max + 1).ofMaxLength(max + 40), s -> true)
                    .forEach(s -> bad.add(new Bad("random text of " + s.length() + " chars over maxLength", quote(s))));
        }
        if (kind == Kind.TEXT || kind == Kind.EMAIL || kind == Kind.PHONE) {
            bad.add(new Bad("a NUL character", quote("a\u0000b")));
            bad.add(new Bad("an unpaired surrogate", quote("a\ud800b")));
        }
        if (kind == Kind.TEXT && (required || schema.path("minLength").asInt(0) > 0)) {
            bad.add(new Bad("blank", quote("   ")));
        }
        return bad;
    }

    /** A string of {@code length} that is otherwise valid for its kind, so that only its length is wrong. */
    private static String filler(Kind kind, int length) {
        return switch (kind) {
            case EMAIL -> "a".repeat(Math.max(1, length - 12)) + "@example.com";
            case PHONE -> "+" + "1".repeat(Math.max(1, length - 1));
            default -> "x".repeat(length);
        };
    }

    /**
     * The schema's JSON type: {@code "integer"} for both {@code "type": "integer"} and OpenAPI 3.1's nullable
     * {@code "type": ["integer", "null"]} (null is then a valid value, never one of the bad ones).
     */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode member : type) {
                if (!"null".equals(member.asString(""))) {
                    return member.asString("");
                }
            }
            return "";
        }
        return type.asString("");
    }

    Kind kind(JsonNode schema, FieldRule rule) {
        if (rule != null && rule.format() != null) {
            return switch (rule.format()) {
                case RouteBook.TIME_ZONE -> Kind.TIME_ZONE;
                case RouteBook.TIME_OF_DAY -> Kind.TIME_OF_DAY;
                case RouteBook.PASSWORD -> Kind.PASSWORD;
                case RouteBook.PHONE -> Kind.PHONE;
                case RouteBook.DATE_TIME -> Kind.DATE_TIME;
                case RouteBook.OPAQUE -> Kind.OPAQUE;
                default -> throw new IllegalArgumentException("unknown format " + rule.format());
            };
        }
        String type = type(schema);
        String format = schema.path("format").asString("");
        if (schema.has("enum")) {
            return Kind.ENUM;
        }
        return switch (type) {
            case "integer", "number" -> Kind.INTEGER;
            case "boolean" -> Kind.BOOLEAN;
            case "array" -> Kind.ARRAY;
            case "object" -> Kind.OBJECT;
            default -> switch (format) {
                case "uuid" -> Kind.UUID;
                case "date" -> Kind.DATE;
                case "date-time" -> Kind.DATE_TIME;
                case "email" -> Kind.EMAIL;
                default -> Kind.TEXT;
            };
        };
    }

    // ---------------------------------------------------------------- paths and queries

    /** Ids that are no UUIDs, as they go into a path (URL-encoded where needed). */
    List<Bad> badIds() {
        List<Bad> ids = new ArrayList<>(List.of(
                new Bad("not-a-uuid", "not-a-uuid"),
                new Bad("12345", "12345"),
                new Bad("a UUID with a g", "00000000-0000-0000-0000-00000000000g"),
                new Bad("a UUID without dashes", UUID.randomUUID().toString().replace("-", "") + "0"),
                new Bad("300 characters", "x".repeat(300)),
                new Bad("an encoded space", "a%20b")));
        randoms(Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(40), s -> !isUuid(s))
                .forEach(s -> ids.add(new Bad("random " + s, s)));
        return ids;
    }

    private List<Case> queryCases(Operation operation, Route route, Parameter parameter, String path, String query,
            String token, World world) {
        List<Case> cases = new ArrayList<>();
        String name = parameter.name();
        FieldRule rule = route.field(name).orElse(null);
        Kind kind = kind(parameter.schema(), rule);
        List<String> values = new ArrayList<>();
        switch (kind) {
            case UUID -> badIds().forEach(id -> values.add(id.json()));
            case DATE -> values.addAll(List.of("2026-02-30", "tomorrow", "2026-1-1", "31.12.2026"));
            case DATE_TIME -> values.addAll(List.of("yesterday", "2026-13-01T00:00:00Z", "2026-12-01T25:00:00Z",
                    "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z"));
            case INTEGER -> {
                values.addAll(List.of("abc", "1.5", "99999999999", "%00"));
                if (name.equals("limit")) {
                    values.addAll(List.of("0", "-1", "501"));
                }
                if (parameter.schema().has("minimum")) {
                    values.add(Long.toString(parameter.schema().path("minimum").asLong() - 1));
                }
                if (parameter.schema().has("maximum")) {
                    values.add(Long.toString(parameter.schema().path("maximum").asLong() + 1));
                }
            }
            case BOOLEAN -> values.addAll(List.of("maybe", "2"));
            // (an empty value, or one Spring trims to empty such as %00, means "not given", as for any parameter)
            case ENUM -> values.addAll(List.of("NOPE", "low", "1"));
            default -> {
                if (name.equals("cursor")) {
                    values.addAll(List.of("not-a-cursor", "%00", "x".repeat(2000)));
                }
                if (rule != null && rule.maxLength() != null) {
                    values.add("x".repeat(rule.maxLength() + 1));
                }
                if (name.equals("q")) {
                    values.add("%00");
                }
            }
        }
        for (String value : values) {
            String changed = replaceParameter(query, name, value);
            cases.add(new Case("query " + name + " = " + Api.abbreviate(value, 60),
                    request(operation, withQuery(path, changed), token, world, route), 0));
        }
        if (parameter.required()) {
            cases.add(new Case("required query " + name + " missing",
                    request(operation, withQuery(path, replaceParameter(query, name, null)), token, world, route), 400));
        }
        return cases;
    }

    /** The query with {@code name} set to {@code value} (raw, already encoded), or removed when null. */
    static String replaceParameter(String query, String name, String value) {
        List<String> parts = new ArrayList<>();
        for (String part : query.isEmpty() ? new String[0] : query.split("&")) {
            if (!part.startsWith(name + "=")) {
                parts.add(part);
            }
        }
        if (value != null) {
            parts.add(name + "=" + (value.contains("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        return String.join("&", parts);
    }

    static String withQuery(String path, String query) {
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    // ---------------------------------------------------------------- helpers

    /** The body with one member's value replaced by raw JSON text. */
    private static String with(JsonNode baseline, String field, String json) {
        ObjectNode copy = (ObjectNode) baseline.deepCopy();
        copy.put(field, PLACEHOLDER);
        return Api.JSON.writeValueAsString(copy).replace(quoteJackson(PLACEHOLDER), json);
    }

    private static String withItem(JsonNode baseline, String array, String field, String json) {
        ObjectNode copy = (ObjectNode) baseline.deepCopy();
        ((ObjectNode) copy.path(array).get(0)).put(field, PLACEHOLDER);
        return Api.JSON.writeValueAsString(copy).replace(quoteJackson(PLACEHOLDER), json);
    }

    private static String quoteJackson(String text) {
        return Api.JSON.writeValueAsString(text);
    }

    /** A JSON string literal in plain ASCII: anything else escaped, unpaired surrogates and NUL included. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private String firstStringField(Operation operation, JsonNode schema) {
        for (var property : schema.path("properties").properties()) {
            if (type(operation.resolve(property.getValue())).equals("string")) {
                return property.getKey();
            }
        }
        return "padding";
    }

    /** {@link #RANDOM_PER_FIELD} distinct values from a jqwik arbitrary that pass {@code keep}. */
    private <T> List<T> randoms(Arbitrary<T> arbitrary, Predicate<T> keep) {
        return arbitrary.sampleStream().limit(1000).filter(keep).distinct().limit(RANDOM_PER_FIELD).toList();
    }

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isDate(String s) {
        try {
            LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isInstant(String s) {
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (RuntimeException e) {
            try {
                Instant.parse(s);
                return true;
            } catch (RuntimeException e2) {
                return false;
            }
        }
    }

    private static boolean isZone(String s) {
        try {
            ZoneId.of(s);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isTimeOfDay(String s) {
        if (s.equals("24:00")) {
            return true;
        }
        try {
            return s.length() == 5 && LocalTime.parse(s) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
