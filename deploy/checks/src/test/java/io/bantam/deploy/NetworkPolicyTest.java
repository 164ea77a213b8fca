package io.bantam.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.deploy.Services.Service;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rendered NetworkPolicies, evaluated as a cluster would: a connection needs the destination's ingress
 * policies (if any select it) and the source's egress policies (if any select it) to allow it.
 */
class NetworkPolicyTest {

    /** A pod: its namespace and labels. */
    record Pod(String namespace, Map<String, String> labels) {
    }

    static final Map<String, String> POSTGRES = Map.of("cnpg.io/cluster", "bantam-db", "cnpg.io/instanceRole", "primary");
    static final Map<String, String> KAFKA_BROKER = Map.of("strimzi.io/cluster", "bantam-kafka",
            "strimzi.io/broker-role", "true", "strimzi.io/kind", "Kafka");

    @ParameterizedTest
    @MethodSource("io.bantam.deploy.Rendered#all")
    void onlyTheGatewayIsReachableFromOutside(Rendered rendered) {
        String ns = rendered.namespace();
        Pod stranger = new Pod("somewhere-else", Map.of("app", "curious"));
        Pod neighbour = new Pod(ns, Map.of("app", "not-bantam"));
        assertThat(rendered.ofKind("NetworkPolicy")).anySatisfy(policy -> {
            assertThat(Yamls.map(policy, "spec", "podSelector")).isEmpty();
            assertThat(Yamls.list(policy, "spec", "policyTypes")).contains("Ingress");
            assertThat(Yamls.list(policy, "spec", "ingress")).isEmpty();
        });
        for (Service service : Services.all().toList()) {
            Pod pod = pod(rendered, service);
            boolean gateway = service.name().equals("gateway");
            assertThat(allowed(rendered, stranger, pod, service.port())).as("outside -> %s", service).isEqualTo(gateway);
            assertThat(allowed(rendered, neighbour, pod, service.port())).as("other pod -> %s", service).isEqualTo(gateway);
        }
        assertThat(allowed(rendered, stranger, new Pod(ns, POSTGRES), 5432)).as("outside -> PostgreSQL").isFalse();
        assertThat(allowed(rendered, neighbour, new Pod(ns, POSTGRES), 5432)).as("other pod -> PostgreSQL").isFalse();
    }

    @ParameterizedTest
    @MethodSource("io.bantam.deploy.Rendered#all")
    void servicesReachWhatTheyUseAndNothingElse(Rendered rendered) {
        String ns = rendered.namespace();
        Pod gateway = pod(rendered, Services.service("gateway"));
        for (Service service : Services.all().toList()) {
            Pod pod = pod(rendered, service);
            if (!service.name().equals("gateway")) {
                assertThat(allowed(rendered, gateway, pod, service.port())).as("gateway -> %s", service).isTrue();
                assertThat(allowed(rendered, pod, gateway, 8080)).as("%s -> gateway", service).isFalse();
            }
            assertThat(allowed(rendered, pod, new Pod(ns, POSTGRES), 5432)).as("%s -> PostgreSQL", service)
                    .isEqualTo(service.reads("DB_HOST"));
            assertThat(allowed(rendered, pod, new Pod(ns, KAFKA_BROKER), 9092)).as("%s -> Kafka", service)
                    .isEqualTo(service.reads("KAFKA_BOOTSTRAP_SERVERS"));
            assertThat(allowed(rendered, pod, new Pod("internet", Map.of()), 443)).as("%s -> anywhere", service).isFalse();
            for (Service other : Services.all().toList()) {
                if (other.equals(service) || other.name().equals("gateway")) {
                    continue;
                }
                boolean calls = service.reads(KubernetesServicesTest.urlVariable(other));
                assertThat(allowed(rendered, pod, pod(rendered, other), other.port()))
                        .as("%s -> %s (it %s)", service, other, calls ? "calls it" : "does not call it")
                        .isEqualTo(calls);
            }
            Pod dns = new Pod("kube-system", Map.of("k8s-app", "kube-dns"));
            assertThat(allowed(rendered, pod, dns, 53)).as("%s -> DNS", service).isTrue();
        }
    }

    static Pod pod(Rendered rendered, Service service) {
        Map<String, Object> deployment = rendered.get("Deployment", service.name());
        return new Pod(rendered.namespace(), Yamls.strings(deployment, "spec", "template", "metadata", "labels"));
    }

    /** Whether a TCP (or, for 53, UDP) connection from one pod to another's port is allowed. */
    static boolean allowed(Rendered rendered, Pod from, Pod to, int port) {
        return direction(rendered, to, "Ingress", "ingress", "from", from, port)
                && direction(rendered, from, "Egress", "egress", "to", to, port);
    }

    private static boolean direction(Rendered rendered, Pod subject, String type, String rulesKey, String peersKey,
            Pod peer, int port) {
        List<Map<String, Object>> policies = rendered.ofKind("NetworkPolicy")
                .filter(policy -> rendered.namespace().equals(subject.namespace()))
                .filter(policy -> Workloads.selects(Yamls.map(policy, "spec", "podSelector"), subject.labels()))
                .filter(policy -> types(policy).contains(type))
                .toList();
        if (policies.isEmpty()) {
            return true;
        }
        for (Map<String, Object> policy : policies) {
            for (Map<String, Object> rule : Yamls.maps(policy, "spec", rulesKey)) {
                if (portMatches(rule, port) && peerMatches(rule, peersKey, peer, rendered.namespace())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Object> types(Map<String, Object> policy) {
        List<Object> types = Yamls.list(policy, "spec", "policyTypes");
        return types.isEmpty() ? List.of("Ingress") : types;
    }

    private static boolean portMatches(Map<String, Object> rule, int port) {
        List<Map<String, Object>> ports = Yamls.maps(rule, "ports");
        return ports.isEmpty() || ports.stream().anyMatch(p -> String.valueOf(port).equals(Yamls.string(p, "port")));
    }

    private static boolean peerMatches(Map<String, Object> rule, String peersKey, Pod peer, String policyNamespace) {
        if (!rule.containsKey(peersKey)) {
            return true; // no from/to: any peer
        }
        for (Map<String, Object> selector : Yamls.maps(rule, peersKey)) {
            if (selector.containsKey("ipBlock")) {
                return true; // an address range: treated as "anyone", so only the gateway may have one
            }
            boolean namespaceOk;
            if (selector.containsKey("namespaceSelector")) {
                Map<String, String> namespaceLabels = Map.of("kubernetes.io/metadata.name", peer.namespace());
                namespaceOk = Workloads.selects(Yamls.map(selector, "namespaceSelector"), namespaceLabels);
            } else {
                namespaceOk = peer.namespace().equals(policyNamespace);
            }
            boolean podOk = !selector.containsKey("podSelector")
                    || Workloads.selects(Yamls.map(selector, "podSelector"), peer.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }
}
