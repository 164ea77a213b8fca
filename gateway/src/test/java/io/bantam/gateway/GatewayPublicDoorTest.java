package io.bantam.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.testing.WithPostgres;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the public door shows of the gateway itself (CONTRACT.md, "Operations"): through the public port only the
 * two health probes answer; metrics and every other actuator endpoint answer only on the management port, which no
 * Service or Ingress exposes (deploy/checks' PublicDoorTest holds the manifests to that).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres  // the rate limits' database
class GatewayPublicDoorTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    WebTestClient publicDoor;
    WebTestClient management;

    @BeforeEach
    void setUp() {
        publicDoor = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
        management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void theManagementPortIsNotThePublicPort() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health/liveness", "/actuator/health/readiness"})
    void theProbesAnswerThroughThePublicDoor(String probe) {
        publicDoor.get().uri(probe).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/prometheus", "/actuator", "/actuator/health", "/actuator/info",
            "/actuator/metrics", "/actuator/env", "/actuator/gateway/routes", "/actuator/health/db",
            "/actuator/prometheus?format=text", "/actuator/../actuator/prometheus", "/actuator;x=1/prometheus"})
    void nothingElseUnderTheActuatorAnswersThroughThePublicDoor(String path) {
        publicDoor.get().uri(path).exchange().expectStatus().is4xxClientError()
                .expectBody().consumeWith(body -> assertThat(body.getResponseBody() == null ? ""
                        : new String(body.getResponseBody())).doesNotContain("jvm_", "http_server_requests"));
    }

    @Test
    void prometheusScrapesTheManagementPort() {
        management.get().uri("/actuator/prometheus").accept(MediaType.TEXT_PLAIN).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text).contains("jvm_memory_used_bytes"));
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }
}
