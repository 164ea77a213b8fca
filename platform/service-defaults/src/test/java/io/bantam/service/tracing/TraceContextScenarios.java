package io.bantam.service.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.events.Topics;
import io.bantam.events.identity.UserRegistered;
import io.bantam.events.identity.UserSnapshot;
import io.bantam.events.relationships.RelationshipCreated;
import io.bantam.service.kafka.ConsumedRecordLog;
import io.bantam.service.kafka.KafkaDefaultsAutoConfiguration;
import io.bantam.service.outbox.Outbox;
import io.bantam.service.problem.ProblemExceptionHandler;
import io.bantam.testing.TestInfrastructure;
import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request's trace, end to end through a small service on service-defaults, a real PostgreSQL and a real Kafka
 * broker: the request's own log lines, its response, the outbox row, the Kafka record, the listener that consumes
 * it (its retries and dead letter, and an event it records in turn), all carrying the trace id the request came
 * with or was given. Log lines are read as the JSON the service writes to the console. Run sampled and unsampled
 * by the two subclasses: the trace id must travel either way.
 */
@WithPostgres
@WithKafka
@ExtendWith(OutputCaptureExtension.class)
@Import(TraceContextScenarios.TracedService.class)
abstract class TraceContextScenarios {

    /** Where the test service's listeners leave what they consumed, by event id (every context of the JVM). */
    static final Map<String, List<ConsumerRecord<String, String>>> consumed = new ConcurrentHashMap<>();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private WebTestClient web;

    /** The W3C trace flags a caller sends and every hop must keep: {@code 01} sampled, {@code 00} not. */
    abstract String flags();

    @BeforeEach
    void client() {
        web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void anIncomingTraceIsInTheRequestsLogLinesTheKafkaRecordAndTheListenersLines(CapturedOutput output) {
        String traceId = randomHex(16);
        String callerSpan = randomHex(8);

        EntityExchangeResult<Registered> response = register("someone", "00-" + traceId + "-" + callerSpan + "-" + flags());
        Registered registered = response.getResponseBody();

        assertThat(response.getResponseHeaders().getFirst(RequestLogWebFilter.TRACE_ID_HEADER)).isEqualTo(traceId);
        ConsumerRecord<String, String> record = awaitConsumed(registered.eventId());
        assertThat(traceparent(record)).matches("00-" + traceId + "-[0-9a-f]{16}-" + flags())
                .doesNotContain(callerSpan);
        List<JsonNode> lines = awaitLines(output, registered.userId(), 4);
        assertThat(lines).allSatisfy(line -> assertThat(traceIdOf(line)).as(line.toString()).isEqualTo(traceId));
        assertThat(messages(lines)).contains(
                "Recording " + registered.eventId() + " for user " + registered.userId(),
                "Recorded " + registered.eventId() + " for user " + registered.userId(),
                "Consumed " + registered.eventId() + " for user " + registered.userId());
        assertThat(lines).anySatisfy(line -> assertThat(line.get("log").get("logger").asString())
                .isEqualTo(ConsumedRecordLog.class.getName()));
        assertThat(accessLine(output, "POST /traced/users 200 ", traceId)).isNotNull();
    }

    @Test
    void aRequestWithoutTraceContextGetsATraceIdThatItsLogLinesAndEventsCarry(CapturedOutput output) {
        EntityExchangeResult<Registered> response = register("someone", null);
        Registered registered = response.getResponseBody();

        String traceId = response.getResponseHeaders().getFirst(RequestLogWebFilter.TRACE_ID_HEADER);
        assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(traceparent(awaitConsumed(registered.eventId()))).startsWith("00-" + traceId + "-");
        List<JsonNode> lines = awaitLines(output, registered.userId(), 4);
        assertThat(lines).allSatisfy(line -> assertThat(traceIdOf(line)).as(line.toString()).isEqualTo(traceId));
        assertThat(accessLine(output, "POST /traced/users 200 ", traceId)).isNotNull();
    }

    @Test
    void aListenerThatFailsRetriesAndDeadLettersInTheTraceOfTheRequest(CapturedOutput output) {
        String traceId = randomHex(16);

        Registered registered = register("poison", "00-" + traceId + "-" + randomHex(8) + "-" + flags())
                .getResponseBody();

        ConsumerRecord<String, String> deadLetter = awaitDeadLetter(registered.userId());
        assertThat(traceparent(deadLetter)).matches("00-" + traceId + "-[0-9a-f]{16}-" + flags());
        List<JsonNode> lines = awaitLines(output, registered.userId(), 2 + 4 + 4);
        assertThat(lines).allSatisfy(line -> assertThat(traceIdOf(line)).as(line.toString()).isEqualTo(traceId));
        assertThat(messages(lines)).filteredOn(message -> message.startsWith("Could not apply "))
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(message -> assertThat(message).contains("poison for user " + registered.userId()));
    }

    @Test
    void anEventThatAListenerRecordsInTurnStaysInTheTrace(CapturedOutput output) {
        String traceId = randomHex(16);

        Registered registered = register("chain", "00-" + traceId + "-" + randomHex(8) + "-" + flags())
                .getResponseBody();

        List<JsonNode> lines = awaitLines(output, registered.userId(),
                line -> line.get("message").asString().startsWith("Consumed chained "));
        assertThat(lines).allSatisfy(line -> assertThat(traceIdOf(line)).as(line.toString()).isEqualTo(traceId));
        String chainedEvent = messages(lines).stream().filter(m -> m.startsWith("Consumed chained "))
                .findFirst().orElseThrow().split(" ")[2];
        assertThat(traceparent(awaitConsumed(chainedEvent))).matches("00-" + traceId + "-[0-9a-f]{16}-" + flags());
    }

    @Test
    void aFailedRequestLogsItsCauseAndAnswersItsProblemInItsTrace(CapturedOutput output) {
        String traceId = randomHex(16);

        web.get().uri("/traced/bug").header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-" + flags())
                .exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().valueEquals(RequestLogWebFilter.TRACE_ID_HEADER, traceId)
                .expectBody().jsonPath("$.code").isEqualTo("internal");

        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(accessLine(output, "GET /traced/bug 500 ", traceId)).isNotNull();
            assertThat(jsonLines(output)).anySatisfy(line -> {
                assertThat(line.get("log").get("logger").asString()).isEqualTo(ProblemExceptionHandler.class.getName());
                assertThat(line.get("message").asString()).isEqualTo("Unexpected failure on GET /traced/bug");
                assertThat(traceIdOf(line)).isEqualTo(traceId);
            });
        });
    }

    @Test
    void aRequestRefusedBySecurityStillAnswersAndLogsItsTrace(CapturedOutput output) {
        String traceId = randomHex(16);

        web.get().uri("/test/me").header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-" + flags())
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(RequestLogWebFilter.TRACE_ID_HEADER, traceId);

        await().atMost(WITHIN).untilAsserted(() ->
                assertThat(accessLine(output, "GET /test/me 401 ", traceId)).isNotNull());
    }

    private EntityExchangeResult<Registered> register(String name, String traceparent) {
        WebTestClient.RequestHeadersSpec<?> request = web.post().uri("/traced/users?name=" + name);
        if (traceparent != null) {
            request = request.header("traceparent", traceparent);
        }
        return request.exchange().expectStatus().isOk().expectBody(Registered.class).returnResult();
    }

    private static ConsumerRecord<String, String> awaitConsumed(String eventId) {
        await().atMost(WITHIN).until(() -> consumed.containsKey(eventId));
        return consumed.get(eventId).get(0);
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(String key) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "trace-dlt-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.IDENTITY_USERS + KafkaDefaultsAutoConfiguration.DEAD_LETTER_SUFFIX));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(WITHIN).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    /** The JSON log lines mentioning {@code text}, once there are at least {@code count} of them. */
    private static List<JsonNode> awaitLines(CapturedOutput output, String text, int count) {
        return awaitLines(output, text, new java.util.function.Predicate<>() {
            private int seen;

            @Override
            public boolean test(JsonNode line) {
                return ++seen >= count;
            }
        });
    }

    /** The JSON log lines mentioning {@code text}, once one of them matches {@code last}. */
    private static List<JsonNode> awaitLines(CapturedOutput output, String text,
            java.util.function.Predicate<JsonNode> last) {
        List<List<JsonNode>> result = new ArrayList<>(1);
        await().atMost(WITHIN).untilAsserted(() -> {
            List<JsonNode> lines = jsonLines(output).stream()
                    .filter(line -> line.has("message") && line.get("message").asString().contains(text)).toList();
            assertThat(lines.stream().anyMatch(last)).as("lines mentioning %s: %s", text, lines).isTrue();
            result.clear();
            result.add(lines);
        });
        return result.get(0);
    }

    private static JsonNode accessLine(CapturedOutput output, String prefix, String traceId) {
        return jsonLines(output).stream()
                .filter(line -> line.get("log").get("logger").asString().equals(RequestLogWebFilter.class.getName()))
                .filter(line -> line.get("message").asString().startsWith(prefix))
                .filter(line -> traceId.equals(traceIdOf(line)))
                .findFirst().orElse(null);
    }

    private static List<JsonNode> jsonLines(CapturedOutput output) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.getOut().split("\n")) {
            if (line.startsWith("{\"@timestamp\"")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    /** The trace id as the logs carry it: ECS {@code trace.id}, a dotted key. */
    private static String traceIdOf(JsonNode line) {
        JsonNode traceId = line.get("trace.id");
        return traceId == null ? null : traceId.asString();
    }

    private static List<String> messages(List<JsonNode> lines) {
        return lines.stream().map(line -> line.get("message").asString()).toList();
    }

    private static String traceparent(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header of %s", record).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    record Registered(String eventId, String userId) {
    }

    /** A service that records an event per request and consumes it again; {@code trace-test.group} keeps contexts apart. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TracedService {

        @Bean
        TracedController tracedController(Outbox outbox, ReactiveTransactionManager transactions) {
            return new TracedController(outbox, TransactionalOperator.create(transactions));
        }

        @Bean
        TracedListener tracedListener(Outbox outbox, ReactiveTransactionManager transactions) {
            return new TracedListener(outbox, TransactionalOperator.create(transactions));
        }
    }

    @RestController
    static class TracedController {

        private static final Logger log = LoggerFactory.getLogger(TracedController.class);

        private final Outbox outbox;
        private final TransactionalOperator transactions;

        TracedController(Outbox outbox, TransactionalOperator transactions) {
            this.outbox = outbox;
            this.transactions = transactions;
        }

        @PostMapping("/traced/users")
        Mono<Registered> register(@RequestParam String name) {
            UUID user = UUID.randomUUID();
            UserRegistered event = UserRegistered.of(new UserSnapshot(user, user + "@example.com", name, "CLIENT",
                    "UTC", null, null, null), Instant.now());
            return Mono.defer(() -> {
                        log.info("Recording {} for user {}", event.eventId(), user);
                        return transactions.transactional(outbox.record(event));
                    })
                    .then(Mono.fromRunnable(() -> log.info("Recorded {} for user {}", event.eventId(), user)))
                    .thenReturn(new Registered(event.eventId().toString(), user.toString()));
        }

        @GetMapping("/traced/bug")
        Mono<String> bug() {
            return Mono.error(new IllegalStateException("a bug"));
        }
    }

    static class TracedListener {

        private static final Logger log = LoggerFactory.getLogger(TracedListener.class);

        private final Outbox outbox;
        private final TransactionalOperator transactions;

        TracedListener(Outbox outbox, TransactionalOperator transactions) {
            this.outbox = outbox;
            this.transactions = transactions;
        }

        @KafkaListener(id = "${trace-test.group}-users", groupId = "${trace-test.group}-users",
                topics = Topics.IDENTITY_USERS)
        void onUser(ConsumerRecord<String, String> record) {
            JsonNode event = JSON.readTree(record.value());
            String eventId = event.get("eventId").asString();
            String user = event.get("user").get("id").asString();
            String name = event.get("user").get("name").asString();
            consumed.computeIfAbsent(eventId, id -> new CopyOnWriteArrayList<>()).add(record);
            log.info("Consumed {} for user {}", eventId, user);
            if (name.equals("poison")) {
                throw new IllegalStateException("poison for user " + user);
            }
            if (name.equals("chain")) {
                RelationshipCreated chained = RelationshipCreated.of(UUID.randomUUID(), UUID.fromString(user),
                        UUID.randomUUID(), Instant.now());
                transactions.transactional(outbox.record(chained)).block(Duration.ofSeconds(10));
                log.info("Recorded chained {} for user {}", chained.eventId(), user);
            }
        }

        @KafkaListener(id = "${trace-test.group}-relationships", groupId = "${trace-test.group}-relationships",
                topics = Topics.RELATIONSHIPS)
        void onRelationship(ConsumerRecord<String, String> record) {
            JsonNode event = JSON.readTree(record.value());
            String eventId = event.get("eventId").asString();
            consumed.computeIfAbsent(eventId, id -> new CopyOnWriteArrayList<>()).add(record);
            log.info("Consumed chained {} for user {}", eventId, event.get("freelancerId").asString());
        }
    }
}
