package io.bantam.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.deploy.NetworkPolicyTest.Pod;
import io.bantam.deploy.Services.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CONTRACT.md, "Operations": through the public door (the Ingress, the gateway's Service) only the health probes
 * answer under {@code /actuator}; metrics are scraped inside the cluster, on the gateway's management port. Follows
 * every Ingress path to the container port it ends at, and holds that port to what the gateway serves there.
 * The gateway's own test {@code GatewayPublicDoorTest} checks the running application on both ports.
 */
class PublicDoorTest {

    static final Set<String> PUBLIC_ACTUATOR_PATHS = Set.of("/actuator/health/liveness", "/actuator/health/readiness");

    static final Service GATEWAY = Services.service("gateway");

    @ParameterizedTest
    @MethodSource("io.bantam.deploy.Rendered#all")
    void theIngressLeadsOnlyToTheGatewaysPublicPort(Rendered rendered) {
        List<Integer> reached = ingressTargets(rendered);

        assertThat(reached).as("container ports the Ingress reaches in %s", rendered).isNotEmpty()
                .containsOnly(GATEWAY.port())
                .doesNotContain(managementPort(rendered));
    }

    @ParameterizedTest
    @MethodSource("io.bantam.deploy.Rendered#all")
    void noServiceExposesTheManagementPort(Rendered rendered) {
        int management = managementPort(rendered);
        assertThat(management).as("the gateway's management port is its own").isNotEqualTo(GATEWAY.port());
        Map<String, Object> deployment = rendered.get("Deployment", GATEWAY.name());
        Map<String, String> podLabels = Yamls.strings(deployment, "spec", "template", "metadata", "labels");
        rendered.ofKind("Service")
                .filter(service -> Workloads.selects(Map.of("matchLabels", Yamls.map(service, "spec", "selector")),
                        podLabels))
                .flatMap(service -> Yamls.maps(service, "spec", "ports").stream())
                .forEach(port -> assertThat(containerPort(deployment, Yamls.string(port,
                        port.containsKey("targetPort") ? "targetPort" : "port")))
                        .as("Service port %s of the gateway", port).isNotEqualTo(management));
    }

    @ParameterizedTest
    @MethodSource("io.bantam.deploy.Rendered#all")
    void prometheusScrapesTheManagementPortFromInsideTheClusterOnly(Rendered rendered) {
        int management = managementPort(rendered);
        Map<String, Object> deployment = rendered.get("Deployment", GATEWAY.name());
        assertThat(Yamls.string(deployment, "spec", "template", "metadata", "annotations", "prometheus.io/port"))
                .isEqualTo(String.valueOf(management));
        assertThat(Yamls.maps(Workloads.container(deployment, GATEWAY.name()), "ports")).anySatisfy(port ->
                assertThat(Yamls.string(port, "containerPort")).isEqualTo(String.valueOf(management)));

        Pod gateway = NetworkPolicyTest.pod(rendered, GATEWAY);
        Pod prometheus = new Pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        Pod stranger = new Pod("somewhere-else", Map.of("app", "curious"));
        Pod neighbour = new Pod(rendered.namespace(), Map.of("app", "not-bantam"));
        assertThat(NetworkPolicyTest.allowed(rendered, prometheus, gateway, management)).as("Prometheus -> metrics")
                .isTrue();
        assertThat(NetworkPolicyTest.allowed(rendered, stranger, gateway, management)).as("outside -> metrics")
                .isFalse();
        assertThat(NetworkPolicyTest.allowed(rendered, neighbour, gateway, management)).as("other pod -> metrics")
                .isFalse();
        assertThat(NetworkPolicyTest.allowed(rendered, stranger, gateway, GATEWAY.port())).as("outside -> API")
                .isTrue();
    }

    @ParameterizedTest
    @MethodSource("io.bantam.deploy.Rendered#all")
    void theProbesAskWhatThePublicPortAnswers(Rendered rendered) {
        Map<String, Object> container = KubernetesServicesTest.container(rendered, GATEWAY);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(Yamls.string(container, probe, "httpGet", "path")).isIn(publicActuatorPaths());
        }
    }

    /** What the gateway's configuration and code let answer under /actuator on its public port. */
    @Test
    void underTheActuatorThePublicPortAnswersOnlyTheProbes() {
        Map<String, Object> application = Yamls.load(Services.applicationYml(GATEWAY.name()));
        // the actuator itself lives on the management port, named by MANAGEMENT_PORT
        assertThat(Yamls.string(application, "management", "server", "port")).startsWith("${MANAGEMENT_PORT:");
        assertThat(Services.placeholders(Yamls.string(application, "management", "server", "port"))
                .get("MANAGEMENT_PORT")).isNotBlank().isNotEqualTo(String.valueOf(GATEWAY.port()));
        assertThat(Services.serviceDefaults().getProperty("management.server.port")).isNull();
        // on the public port: no health group's additional path, only the gateway's own two probes
        assertThat(Yamls.map(application, "management", "endpoint", "health", "group")).isEmpty();
        assertThat(publicActuatorPaths()).isEqualTo(PUBLIC_ACTUATOR_PATHS);
        // and no route of the gateway's own takes anything under /actuator to a service
        for (Map<String, Object> route : Yamls.maps(application, "spring", "cloud", "gateway", "server", "webflux",
                "routes")) {
            for (Object predicate : Yamls.list(route, "predicates")) {
                String text = String.valueOf(predicate);
                assertThat(text).as("route %s", Yamls.string(route, "id"))
                        .doesNotContain("/actuator").doesNotContain("Path=/**").doesNotContain("Path=/,");
            }
        }
    }

    /**
     * The paths under /actuator that the gateway's code maps on its public port (its {@code PublicProbes}). The web
     * UI's history fallback names /actuator only to keep it out ({@code WebUi}'s API prefixes), so it is not read
     * here; PublicDoorIT asks the running gateway for those paths.
     */
    static Set<String> publicActuatorPaths() {
        Set<String> paths = new TreeSet<>();
        try (var files = java.nio.file.Files.walk(Yamls.root().resolve("gateway/src/main/java"))) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.getFileName().toString().equals("WebUi.java")).forEach(file -> {
                java.util.regex.Matcher literal = java.util.regex.Pattern.compile("\"(/actuator[^\"]*)\"")
                        .matcher(Yamls.read(file));
                while (literal.find()) {
                    paths.add(literal.group(1));
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return paths;
    }

    /** The gateway's MANAGEMENT_PORT as deployed. */
    static int managementPort(Rendered rendered) {
        Map<String, Workloads.Source> environment = Workloads.environment(rendered,
                KubernetesServicesTest.container(rendered, GATEWAY));
        Workloads.Source port = environment.get("MANAGEMENT_PORT");
        assertThat(port).as("MANAGEMENT_PORT of the gateway in %s", rendered).isNotNull();
        return Integer.parseInt(port.value());
    }

    /** The container ports every Ingress path ends at, through its Service. */
    static List<Integer> ingressTargets(Rendered rendered) {
        List<Integer> ports = new ArrayList<>();
        rendered.ofKind("Ingress").forEach(ingress -> {
            List<Map<String, Object>> backends = new ArrayList<>();
            Map<String, Object> fallback = Yamls.map(ingress, "spec", "defaultBackend");
            if (!fallback.isEmpty()) {
                backends.add(fallback);
            }
            Yamls.maps(ingress, "spec", "rules").forEach(rule -> Yamls.maps(rule, "http", "paths")
                    .forEach(path -> backends.add(Yamls.map(path, "backend"))));
            for (Map<String, Object> backend : backends) {
                Map<String, Object> service = rendered.get("Service", Yamls.string(backend, "service", "name"));
                String name = Yamls.string(backend, "service", "port", "name");
                String number = Yamls.string(backend, "service", "port", "number");
                Map<String, Object> servicePort = Yamls.maps(service, "spec", "ports").stream()
                        .filter(p -> (name != null && name.equals(Yamls.string(p, "name")))
                                || (number != null && number.equals(Yamls.string(p, "port"))))
                        .findFirst().orElseThrow(() -> new AssertionError("no such port on " + service));
                Map<String, String> selector = Yamls.strings(service, "spec", "selector");
                rendered.ofKind("Deployment")
                        .filter(d -> Workloads.selects(Map.of("matchLabels", selector),
                                Yamls.strings(d, "spec", "template", "metadata", "labels")))
                        .forEach(d -> ports.add(containerPort(d, Yamls.string(servicePort,
                                servicePort.containsKey("targetPort") ? "targetPort" : "port"))));
            }
        });
        return ports;
    }

    /** A Service's targetPort (a number or a container port's name) as a number. */
    static int containerPort(Map<String, Object> deployment, String targetPort) {
        if (targetPort.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(targetPort);
        }
        return Yamls.maps(Workloads.pod(deployment), "containers").stream()
                .flatMap(container -> Yamls.maps(container, "ports").stream())
                .filter(port -> targetPort.equals(Yamls.string(port, "name")))
                .map(port -> Integer.parseInt(Yamls.string(port, "containerPort")))
                .findFirst().orElseThrow(() -> new AssertionError("no container port named " + targetPort));
    }
}
