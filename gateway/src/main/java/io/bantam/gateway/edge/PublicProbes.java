package io.bantam.gateway.edge;

import java.util.Map;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two health probes on the public port, where they must answer (CONTRACT.md, "Operations": the kubelet, load
 * balancers and Compose's health check ask the gateway's port) while the actuator itself, with the metrics, lives
 * on the management port ({@code management.server.port}). They answer as the actuator's {@code liveness} and
 * {@code readiness} groups do by default, from the application's availability states: 200 {@code UP}, or 503
 * {@code DOWN} / {@code OUT_OF_SERVICE}. Nothing else under {@code /actuator} answers on this port.
 */
@RestController
class PublicProbes {

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";

    private final ApplicationAvailability availability;

    PublicProbes(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @GetMapping(path = LIVENESS, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> liveness() {
        return availability.getLivenessState() == LivenessState.CORRECT ? status(HttpStatus.OK, "UP")
                : status(HttpStatus.SERVICE_UNAVAILABLE, "DOWN");
    }

    @GetMapping(path = READINESS, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> readiness() {
        return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC ? status(HttpStatus.OK, "UP")
                : status(HttpStatus.SERVICE_UNAVAILABLE, "OUT_OF_SERVICE");
    }

    private static ResponseEntity<Map<String, String>> status(HttpStatus status, String value) {
        return ResponseEntity.status(status).body(Map.of("status", value));
    }
}
