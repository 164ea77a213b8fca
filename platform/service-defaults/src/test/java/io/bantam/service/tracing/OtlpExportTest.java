package io.bantam.service.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.service.testapp.TestApplication;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Turning on span export is one property, the OTLP endpoint (docs/operations.md, "Tracing"): the spans of a request
 * reach a collector, here a fake one that keeps what it is sent.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "bantam.security.public-paths=/test/public",
                "management.tracing.sampling.probability=1.0",
                "management.opentelemetry.tracing.export.schedule-delay=100ms"})
class OtlpExportTest {

    record Export(String path, String contentType, byte[] body) {
    }

    static final List<Export> exports = new CopyOnWriteArrayList<>();
    static final DisposableServer collector = HttpServer.create().host("127.0.0.1").port(0)
            .handle((request, response) -> request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                    .flatMap(body -> {
                        exports.add(new Export(request.uri(), request.requestHeaders().get("Content-Type"), body));
                        return response.status(200).send().then();
                    })
                    .then(Mono.empty()))
            .bindNow();

    @DynamicPropertySource
    static void collectorEndpoint(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://127.0.0.1:" + collector.port() + "/v1/traces");
    }

    @AfterAll
    static void stopCollector() {
        collector.disposeNow(Duration.ofSeconds(5));
    }

    @LocalServerPort
    int port;

    @Test
    void withAnEndpointTheSpansOfARequestReachTheCollector() {
        String traceId = "3c2f9d1e8b7a65f4e3d2c1b0a9f8e7d6";
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/test/public")
                .header("traceparent", "00-" + traceId + "-a1b2c3d4e5f60718-01")
                .exchange()
                .expectStatus().isOk();

        byte[] rawTraceId = HexFormat.of().parseHex(traceId);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(exports).anySatisfy(export -> {
            assertThat(export.path()).isEqualTo("/v1/traces");
            assertThat(export.contentType()).isEqualTo("application/x-protobuf");
            assertThat(indexOf(export.body(), rawTraceId)).isNotNegative();
        }));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
