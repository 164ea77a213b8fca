package io.bantam.gateway;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A real HTTP server standing in for identity-service: serves the JWKS of {@link TestTokens}, records every
 * other request and answers by path: {@code .../missing} (or {@code .../missing.ics}) 404 problem, {@code .../broken} 500,
 * {@code .../held} after half a second, anything else 200 echoing the body (its length when large).
 */
final class FakeIdentity implements AutoCloseable {

    static final String MISSING_PROBLEM = """
            {"type":"urn:bantam:problem:not-found","title":"Not found","status":404,\
            "detail":"There is nothing here.","code":"not-found"}""";

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final TestTokens tokens;
    private final LoopResources loops = LoopResources.create("fake-identity", 1, true);
    private final DisposableServer server;

    private FakeIdentity(TestTokens tokens, int port) {
        this.tokens = tokens;
        this.server = HttpServer.create().runOn(loops).host("127.0.0.1").port(port).handle(this::handle).bindNow();
    }

    static FakeIdentity start(TestTokens tokens) {
        return new FakeIdentity(tokens, 0);
    }

    static FakeIdentity startOn(int port, TestTokens tokens) {
        return new FakeIdentity(tokens, port);
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The next request that reached this server (JWKS fetches aside). */
    Received nextRequest() throws InterruptedException {
        Received request = received.poll(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request reached the upstream");
        }
        return request;
    }

    int requestCount() {
        return received.size();
    }

    void clear() {
        received.clear();
    }

    /** Stops like a process that exits: the kept-alive connections of the gateway's pool die too. */
    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        if (request.uri().startsWith("/.well-known/jwks.json")) {
            return response.header("Content-Type", "application/json").sendString(Mono.just(tokens.jwks())).then();
        }
        return request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
            received.add(new Received(request.method().name(), request.uri(), request.requestHeaders().copy(), body));
            if (request.uri().endsWith("/missing") || request.uri().endsWith("/missing.ics")) {
                return response.status(404).header("Content-Type", "application/problem+json")
                        .sendString(Mono.just(MISSING_PROBLEM)).then();
            }
            if (request.uri().endsWith("/broken")) {
                return response.status(500).header("Content-Type", "application/problem+json")
                        .sendString(Mono.just("{\"status\":500,\"code\":\"internal\"}")).then();
            }
            if (request.uri().endsWith("/held")) {
                return Mono.delay(Duration.ofMillis(500)).then(response.sendString(Mono.just("{}")).then());
            }
            return response.status(200)
                    .header("Content-Type", "application/json")
                    .header("Keep-Alive", "timeout=5")
                    .header("X-Upstream", "identity")
                    .sendString(Mono.just(echo(body))).then();
        });
    }

    private static String echo(String body) {
        if (body.isEmpty()) {
            return "{}";
        }
        return body.length() <= 4096 ? body : "{\"length\":" + body.length() + "}";
    }

    /** One request as the upstream saw it. */
    record Received(String method, String uri, HttpHeaders headers, String body) {

        String header(String name) {
            return headers.get(name);
        }
    }
}
