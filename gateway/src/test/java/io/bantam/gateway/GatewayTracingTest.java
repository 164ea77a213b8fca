package io.bantam.gateway;

import io.bantam.testing.WithPostgres;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.service.tracing.RequestLogWebFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * W3C trace context through the gateway, against an upstream that behaves like a Bantam service: it records the
 * {@code traceparent} it gets and answers with the trace id in {@code X-Trace-Id}. The gateway continues a caller's
 * trace (or starts one), puts its own span between the caller and the service, tells the caller the trace id once,
 * and logs each request in its trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@WithPostgres  // the rate limits' database
class GatewayTracingTest {

    static final BlockingQueue<String> traceparents = new LinkedBlockingQueue<>();
    static final DisposableServer service = HttpServer.create().host("127.0.0.1").port(0)
            .handle((request, response) -> {
                String traceparent = request.requestHeaders().get("traceparent", "none");
                traceparents.add(traceparent);
                String traceId = traceparent.split("-").length == 4 ? traceparent.split("-")[1] : "none";
                return response.header("Content-Type", "application/json")
                        .header(RequestLogWebFilter.TRACE_ID_HEADER, traceId)
                        .sendString(Mono.just("{}")).then();
            })
            .bindNow();
    static final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void identityUrl(DynamicPropertyRegistry registry) {
        registry.add("IDENTITY_URL", () -> "http://127.0.0.1:" + service.port());
    }

    @AfterAll
    static void stopService() {
        service.disposeNow(Duration.ofSeconds(5));
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        traceparents.clear();
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void aCallersTraceReachesTheServiceThroughASpanOfTheGateway(CapturedOutput output) throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";

        List<String> answered = login("00-" + traceId + "-" + callerSpan + "-01");

        String upstream = nextTraceparent();
        assertThat(upstream).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        assertThat(upstream.split("-")[2]).isNotEqualTo(callerSpan);
        assertThat(answered).containsExactly(traceId);
        awaitAccessLine(output, "POST /api/auth/login 200 ", traceId);
    }

    @Test
    void anUnsampledTraceStaysUnsampledAndStillTravels() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";

        List<String> answered = login("00-" + traceId + "-b7ad6b7169203331-00");

        assertThat(nextTraceparent()).matches("00-" + traceId + "-[0-9a-f]{16}-00");
        assertThat(answered).containsExactly(traceId);
    }

    @Test
    void theGatewayStartsATraceWhenNoneArrivesAndTellsTheCaller(CapturedOutput output) throws Exception {
        List<String> answered = login(null);

        String upstream = nextTraceparent();
        assertThat(upstream).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        String traceId = upstream.split("-")[1];
        assertThat(answered).containsExactly(traceId);
        awaitAccessLine(output, "POST /api/auth/login 200 ", traceId);
    }

    @Test
    void anAnswerOfTheGatewayItselfCarriesItsTraceId(CapturedOutput output) {
        String traceId = "5b8efff798038103d269b633813fc60c";

        client.get().uri("/api/users/me")
                .header("traceparent", "00-" + traceId + "-eee19b7ec3c1b174-01")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(RequestLogWebFilter.TRACE_ID_HEADER, traceId);

        awaitAccessLine(output, "GET /api/users/me 401 ", traceId);
        assertThat(traceparents).isEmpty();
    }

    private List<String> login(String traceparent) {
        WebTestClient.RequestHeadersSpec<?> request = client.post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        if (traceparent != null) {
            request = request.header("traceparent", traceparent);
        }
        HttpHeaders headers = request.exchange().expectStatus().isOk().returnResult(String.class)
                .getResponseHeaders();
        return headers.getOrEmpty(RequestLogWebFilter.TRACE_ID_HEADER);
    }

    private static String nextTraceparent() throws InterruptedException {
        String traceparent = traceparents.poll(5, TimeUnit.SECONDS);
        assertThat(traceparent).as("the request reached the service").isNotNull();
        return traceparent;
    }

    /** The gateway's own log line for the request, in the request's trace (ECS {@code trace.id}). */
    private static void awaitAccessLine(CapturedOutput output, String prefix, String traceId) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : output.getOut().split("\n")) {
                if (line.startsWith("{\"@timestamp\"")) {
                    lines.add(json.readTree(line));
                }
            }
            assertThat(lines).anySatisfy(line -> {
                assertThat(line.get("log").get("logger").asString()).isEqualTo(RequestLogWebFilter.class.getName());
                assertThat(line.get("message").asString()).startsWith(prefix);
                assertThat(line.get("trace.id").asString()).isEqualTo(traceId);
            });
        });
    }
}
