package io.bantam.local.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP calls to one base URL (the gateway or a service's own port), answers parsed as JSON when they are. */
public final class Api {

    public static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String baseUrl;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Reply get(String path, String token) {
        return call("GET", path, null, token);
    }

    public Reply post(String path, Object body, String token) {
        return call("POST", path, body, token);
    }

    public Reply put(String path, Object body, String token) {
        return call("PUT", path, body, token);
    }

    public Reply patch(String path, Object body, String token) {
        return call("PATCH", path, body, token);
    }

    public Reply delete(String path, String token) {
        return call("DELETE", path, null, token);
    }

    /** A JSON call: {@code body} (when not null) written as JSON with {@code Content-Type: application/json}. */
    public Reply call(String method, String path, Object body, String token) {
        Request request = Request.to(method, path).token(token);
        return send(body == null ? request : request.json(body));
    }

    public Reply send(Request request) {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
                .timeout(request.timeout())
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return Reply.of(request, response, took);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + baseUrl + request.path() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** What to send: method, path with query, headers, raw body bytes. */
    public record Request(String method, String path, Map<String, String> headers, byte[] body, Duration timeout) {

        public static Request to(String method, String path) {
            return new Request(method, path, Map.of(), null, Duration.ofSeconds(15));
        }

        public Request header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Request(method, path, more, body, timeout);
        }

        public Request token(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        public Request json(Object value) {
            return raw("application/json", value instanceof String text ? text : JSON.writeValueAsString(value));
        }

        public Request raw(String contentType, String text) {
            return raw(contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        public Request raw(String contentType, byte[] bytes) {
            Request withBody = new Request(method, path, headers, bytes, timeout);
            return contentType == null ? withBody : withBody.header("Content-Type", contentType);
        }

        public Request timeout(Duration limit) {
            return new Request(method, path, headers, body, limit);
        }

        /** How a failure names this request: method, path and the start of the body. */
        public String describe() {
            String text = body == null ? "" : " " + abbreviate(new String(body, StandardCharsets.UTF_8), 300);
            return method + " " + path + text;
        }
    }

    /** An answer: status, headers, the body as text and, when it is JSON, parsed. */
    public record Reply(Request request, int status, Map<String, String> headers, String text, JsonNode body,
            Duration took) {

        static Reply of(Request request, HttpResponse<String> response, Duration took) {
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            String text = response.body() == null ? "" : response.body();
            JsonNode parsed = JSON.missingNode();
            if (!text.isBlank()) {
                try {
                    parsed = JSON.readTree(text);
                } catch (JacksonException notJson) {
                    parsed = JSON.missingNode();
                }
            }
            return new Reply(request, response.statusCode(), headers, text, parsed, took);
        }

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase()));
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        /** A member of the JSON body as text ("" when absent). */
        public String get(String field) {
            return body.path(field).asString("");
        }

        @Override
        public String toString() {
            return request.describe() + " -> " + status + " " + abbreviate(text, 1000);
        }
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "... (" + text.length() + " characters)";
    }
}
