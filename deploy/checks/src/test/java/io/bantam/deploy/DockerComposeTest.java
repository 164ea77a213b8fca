package io.bantam.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.deploy.EnvironmentDecisions.Decision;
import io.bantam.deploy.EnvironmentDecisions.Setting;
import io.bantam.deploy.Services.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docker-compose.yml (with its anchors and merge keys resolved): the same system as Kubernetes, on one host. */
class DockerComposeTest {

    static final Map<String, Object> COMPOSE = Yamls.load(Yamls.root().resolve("docker-compose.yml"));

    static Map<String, Object> services() {
        return Yamls.map(COMPOSE, "services");
    }

    static Stream<Service> deployed() {
        return Services.all();
    }

    @Test
    void namesPostgresKafkaAndEveryService() {
        List<String> expected = new ArrayList<>(Services.MODULES);
        expected.add("postgres");
        expected.add("kafka");
        assertThat(services().keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyContainerHasAHealthCheckAndAMemoryLimit() {
        services().forEach((name, definition) -> {
            assertThat(Yamls.list(definition, "healthcheck", "test")).as("%s health check", name).isNotEmpty();
            assertThat(Yamls.at(definition, "healthcheck", "disable")).isNotEqualTo(true);
            Object memory = Yamls.at(definition, "deploy", "resources", "limits", "memory");
            if (memory == null) {
                memory = Yamls.at(definition, "mem_limit");
            }
            assertThat(memory).as("%s memory limit", name).isNotNull();
            String image = Yamls.string(definition, "image");
            assertThat(image).as("%s image, pinned", name).contains(":").doesNotEndWith(":latest");
        });
    }

    @Test
    void everyDependencyWaitsUntilHealthy() {
        services().forEach((name, definition) -> {
            Object dependsOn = Yamls.at(definition, "depends_on");
            if (dependsOn != null) {
                assertThat(dependsOn).as("%s depends_on in the long form", name).isInstanceOf(Map.class);
            }
            Yamls.map(definition, "depends_on").forEach((dependency, condition) -> {
                assertThat(services()).containsKey(dependency);
                assertThat(Yamls.string(condition, "condition")).as("%s -> %s", name, dependency).isEqualTo("service_healthy");
            });
        });
        for (Service service : Services.all().toList()) {
            Map<String, Object> dependsOn = Yamls.map(services().get(service.name()), "depends_on");
            if (service.reads("DB_HOST")) {
                assertThat(dependsOn).as("%s waits for PostgreSQL", service).containsKey("postgres");
            }
            if (service.reads("KAFKA_BOOTSTRAP_SERVERS")) {
                assertThat(dependsOn).as("%s waits for Kafka", service).containsKey("kafka");
            }
        }
        // the gateway comes up last: when it is healthy, the whole system is (it needs PostgreSQL, for its rate
        // limits, only to enforce them, but waits for it as every reader of DB_HOST does)
        assertThat(Yamls.map(services().get("gateway"), "depends_on").keySet())
                .containsExactlyInAnyOrderElementsOf(Stream.concat(
                        Services.MODULES.stream().filter(m -> !m.equals("gateway")),
                        Stream.of("postgres")).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployed")
    void serviceIsBuiltFromTheOneDockerfileAndRunsLockedDown(Service service) {
        Map<String, Object> definition = Yamls.map(services(), service.name());
        assertThat(Yamls.string(definition, "build", "context")).isEqualTo(".");
        assertThat(Yamls.string(definition, "build", "args", "MODULE")).isEqualTo(service.name());
        assertThat(Yamls.at(definition, "read_only")).isEqualTo(true);
        assertThat(Yamls.list(definition, "cap_drop")).contains("ALL");
        assertThat(Yamls.list(definition, "healthcheck", "test")).contains("HealthCheck");
        long stop = Services.seconds(Yamls.string(definition, "stop_grace_period"));
        long shutdown = Services.seconds(Services.serviceDefaults().getProperty("spring.lifecycle.timeout-per-shutdown-phase"));
        assertThat(stop).as("stop_grace_period > graceful shutdown phase").isGreaterThan(shutdown);
        List<Object> ports = Yamls.list(definition, "ports");
        if (service.name().equals("gateway")) {
            assertThat(ports).containsExactly("8080:8080");
        } else {
            assertThat(ports).as("only the gateway is published").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployed")
    void everyVariableTheServiceReadsIsSetAsDecided(Service service) {
        Map<String, String> environment = Yamls.strings(services().get(service.name()), "environment");
        List<String> problems = new ArrayList<>();
        for (String variable : service.variables().keySet()) {
            Decision decision = EnvironmentDecisions.DECISIONS.get(variable);
            if (decision == null) {
                continue; // KubernetesServicesTest.everyVariableAServiceReadsIsDecided names it
            }
            String value = environment.get(variable);
            if (decision.compose() == Setting.DEFAULT && value != null) {
                problems.add(variable + " must be left to its default: " + decision.why());
            } else if (decision.compose() != Setting.DEFAULT && (value == null || value.isBlank())) {
                problems.add(variable + " is not set");
            }
        }
        environment.keySet().stream().filter(variable -> !service.reads(variable))
                .forEach(variable -> problems.add(variable + " is set but " + service + " reads no such variable"));
        assertThat(problems).as("environment of %s", service).isEmpty();

        assertThat(environment.get("SERVER_PORT")).isEqualTo(String.valueOf(service.port()));
        if (service.reads("DB_NAME")) {
            assertThat(environment).containsEntry("DB_HOST", "postgres").containsEntry("DB_NAME", service.database())
                    .containsEntry("DB_USER", service.database());
        }
        if (service.reads("KAFKA_BOOTSTRAP_SERVERS")) {
            assertThat(environment).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        }
        for (Service other : Services.all().toList()) {
            String variable = KubernetesServicesTest.urlVariable(other);
            if (service.reads(variable)) {
                assertThat(environment).containsEntry(variable, "http://" + other.name() + ":" + other.port());
            }
        }
    }

    @Test
    void identityTrustsForwardedAddressesFromTheGatewayOnly() {
        String gatewayAddress = Yamls.string(services().get("gateway"), "networks", "bantam", "ipv4_address");
        assertThat(gatewayAddress).isNotBlank();
        assertThat(Yamls.string(services().get("identity-service"), "environment", "TRUSTED_PROXIES"))
                .isEqualTo(gatewayAddress + "/32");
        assertThat(Yamls.list(services().get("identity-service"), "volumes")).anySatisfy(volume -> assertThat(
                String.valueOf(volume)).endsWith(":" + Yamls.string(services().get("identity-service"), "environment", "BANTAM_DATA_DIR")));
    }

    @Test
    void postgresMakesADatabasePerService() {
        String script = Yamls.read(Yamls.root().resolve("deploy/docker/postgres/init-databases.sh"));
        Services.all().filter(service -> service.database() != null).forEach(service ->
                assertThat(script).contains(service.database()));
        assertThat(Yamls.list(services().get("postgres"), "volumes")).anySatisfy(volume -> assertThat(String.valueOf(volume))
                .startsWith("./deploy/docker/postgres/init-databases.sh:/docker-entrypoint-initdb.d/"));
    }
}
