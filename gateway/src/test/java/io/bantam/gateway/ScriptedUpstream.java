package io.bantam.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A real HTTP server standing in for a service behind the gateway, answering what a test scripted for a path:
 * a queue of answers taken one per call, the last one kept for every later call. A path without a script is
 * answered 200 {@code {}}. With {@link TestTokens}, it also serves their JWKS, as identity-service does.
 */
final class ScriptedUpstream implements AutoCloseable {

    private final TestTokens tokens;
    private final LoopResources loops = LoopResources.create("scripted-upstream", 1, true);
    private final DisposableServer server;
    private final Map<String, ConcurrentLinkedQueue<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile HttpHeaders lastHeaders = new DefaultHttpHeaders();

    private ScriptedUpstream(TestTokens tokens) {
        this.tokens = tokens;
        // limits well above the gateway's own (16 KB of headers, 4 KB request line): what is refused, the gateway refused
        this.server = HttpServer.create().runOn(loops).host("127.0.0.1").port(0)
                .httpRequestDecoder(decoder -> decoder.maxHeaderSize(64 * 1024).maxInitialLineLength(64 * 1024))
                .handle(this::handle).bindNow();
    }

    /** An upstream that also serves the JWKS of {@code tokens}: the gateway's identity-service. */
    static ScriptedUpstream identity(TestTokens tokens) {
        return new ScriptedUpstream(tokens);
    }

    static ScriptedUpstream start() {
        return new ScriptedUpstream(null);
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** What the next calls to {@code path} (without query) are answered, in order; the last one stays. */
    void script(String path, Answer... answers) {
        scripts.put(path, new ConcurrentLinkedQueue<>(List.of(answers)));
    }

    /** How many requests reached {@code path} (method and path, e.g. {@code "GET /api/users/me"}, or a path). */
    int calls(String methodAndPath) {
        return (int) calls.stream()
                .filter(call -> call.equals(methodAndPath) || call.substring(call.indexOf(' ') + 1).equals(methodAndPath))
                .count();
    }

    /** The headers of the last request that reached a scripted path (the JWKS aside). */
    HttpHeaders lastHeaders() {
        return lastHeaders;
    }

    int totalCalls() {
        return calls.size();
    }

    void reset() {
        scripts.clear();
        calls.clear();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String path = request.fullPath();
        if (tokens != null && path.equals("/.well-known/jwks.json")) {
            return response.header("Content-Type", "application/json").sendString(Mono.just(tokens.jwks())).then();
        }
        return request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
            calls.add(request.method().name() + " " + path);
            lastHeaders = request.requestHeaders().copy();
            Answer answer = next(path);
            if (answer.drop()) {
                // closes the connection without a byte of response: what a crashed or restarted process does
                return Mono.fromRunnable(() -> response.withConnection(connection -> connection.channel().close()));
            }
            HttpServerResponse answered = response.status(answer.status());
            answer.headers().forEach(answered::header);
            return Mono.delay(answer.delay()).then(answered.sendString(Mono.just(answer.body())).then());
        });
    }

    private Answer next(String path) {
        ConcurrentLinkedQueue<Answer> script = scripts.get(path);
        if (script == null) {
            return Answer.ok("{}");
        }
        synchronized (script) {
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }

    /** One scripted answer. */
    record Answer(int status, Map<String, String> headers, String body, boolean drop, Duration delay) {

        static Answer ok(String json) {
            return json(200, json);
        }

        static Answer json(int status, String json) {
            return new Answer(status, Map.of("Content-Type", "application/json"), json, false, Duration.ZERO);
        }

        static Answer problem(int status, String code) {
            return new Answer(status, Map.of("Content-Type", "application/problem+json"),
                    "{\"status\":" + status + ",\"code\":\"" + code + "\",\"from\":\"upstream\"}", false, Duration.ZERO);
        }

        /** The connection is closed before any response. */
        static Answer dropConnection() {
            return new Answer(0, Map.of(), "", true, Duration.ZERO);
        }

        Answer withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Answer(status, more, body, drop, delay);
        }

        /** The same answer, sent only after {@code delay}. */
        Answer after(Duration delay) {
            return new Answer(status, headers, body, drop, delay);
        }
    }
}
