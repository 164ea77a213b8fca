package io.bantam.relationship.support;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A real HTTP server standing in for identity-service's internal lookup ({@code /internal/users?email=} and
 * {@code /internal/users/{id}}), answering as identity-service does. It can be stopped and started again on the
 * same port (a process that exits and comes back), or made to fail, hang or answer like a wrong endpoint.
 */
public final class FakeIdentity implements AutoCloseable {

    /** The service credential it accepts. */
    public static final String TOKEN = "test-internal-credential";

    /** How it answers a lookup. */
    public enum Behaviour {
        /** As identity-service does. */
        NORMAL,
        /** 503 to the next lookup, then {@link #NORMAL}. */
        FAIL_ONCE,
        /** 503 to every lookup. */
        FAILING,
        /** Takes every lookup and never answers. */
        HANGING,
        /** 404 without identity's {@code user.not-found} code: some other server, or an identity without the endpoint. */
        WRONG_ENDPOINT
    }

    private static final String NOT_FOUND = """
            {"type":"urn:bantam:problem:user.not-found","title":"Not found","status":404,\
            "detail":"There is no such user.","code":"user.not-found"}""";
    private static final String UNAUTHENTICATED = """
            {"type":"urn:bantam:problem:auth.unauthenticated","title":"Unauthorized","status":401,\
            "detail":"A valid service credential is required.","code":"auth.unauthenticated"}""";

    private final Map<String, String> byEmail = new ConcurrentHashMap<>();
    private final Map<UUID, String> byId = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private volatile LoopResources loops;
    private volatile Behaviour behaviour = Behaviour.NORMAL;
    private volatile DisposableServer server;
    private final int port;

    private FakeIdentity() {
        this.server = bind(0);
        this.port = server.port();
    }

    public static FakeIdentity start() {
        return new FakeIdentity();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** A user identity-service knows, as of {@code updatedAt}. */
    public void knows(UUID id, String email, String name, String role, Instant updatedAt) {
        String json = "{\"id\":\"" + id + "\",\"email\":\"" + email + "\",\"name\":\"" + name + "\",\"role\":\"" + role
                + "\",\"timeZone\":\"Europe/Berlin\",\"phone\":\"+49 30 1234\",\"preferredName\":null,"
                + "\"pronouns\":null,\"updatedAt\":\"" + updatedAt + "\",\"someLaterField\":true}";
        byEmail.put(email.toLowerCase(Locale.ROOT), json);
        byId.put(id, json);
    }

    public void behave(Behaviour next) {
        this.behaviour = next;
    }

    /** Lookups that reached it (with a valid credential or not). */
    public int lookups() {
        return lookups.get();
    }

    /**
     * Stops like a process that exits: its port refuses connections, and the open ones (kept alive in the caller's
     * pool) die with its event loop.
     */
    public void stop() {
        DisposableServer running = server;
        if (running != null) {
            server = null;
            running.disposeNow(Duration.ofSeconds(5));
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
        }
    }

    /** Starts again on the same port, if stopped; answers normally. */
    public void restart() {
        behaviour = Behaviour.NORMAL;
        if (server == null) {
            server = bind(port);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private DisposableServer bind(int onPort) {
        loops = LoopResources.create("fake-identity", 1, true);
        return HttpServer.create().runOn(loops).host("127.0.0.1").port(onPort).handle(this::handle).bindNow();
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        lookups.incrementAndGet();
        if (!TOKEN.equals(request.requestHeaders().get("Bantam-Service-Token"))) {
            return problem(response, 401, UNAUTHENTICATED);
        }
        Behaviour now = behaviour;
        if (now == Behaviour.FAIL_ONCE) {
            behaviour = Behaviour.NORMAL;
            return response.status(503).send();
        }
        switch (now) {
            case FAILING:
                return response.status(503).send();
            case HANGING:
                return Mono.never();
            case WRONG_ENDPOINT:
                return problem(response, 404, "{\"status\":404,\"code\":\"not-found\"}");
            default:
                break;
        }
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        String user = null;
        if (query.path().equals("/internal/users")) {
            List<String> email = query.parameters().get("email");
            user = email == null ? null : byEmail.get(email.get(0).strip().toLowerCase(Locale.ROOT));
        } else if (query.path().startsWith("/internal/users/")) {
            user = byId.get(UUID.fromString(query.path().substring("/internal/users/".length())));
        }
        if (user == null) {
            return problem(response, 404, NOT_FOUND);
        }
        return response.status(200).header("Content-Type", "application/json").sendString(Mono.just(user)).then();
    }

    private static Mono<Void> problem(HttpServerResponse response, int status, String body) {
        return response.status(status).header("Content-Type", "application/problem+json")
                .sendString(Mono.just(body)).then();
    }
}
