package io.bantam.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.bantam.deploy.EnvironmentDecisions.Decision;
import io.bantam.deploy.EnvironmentDecisions.Setting;
import io.bantam.deploy.Services.Service;
import io.bantam.deploy.Workloads.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay of deploy/k8s, rendered, and every service in it: what a Deployment of Bantam must have. */
class KubernetesServicesTest {

    static final String DATABASE_CLUSTER = "bantam-db";
    static final String KAFKA_CLUSTER = "bantam-kafka";

    static Stream<Arguments> overlaysAndServices() {
        List<Arguments> arguments = new ArrayList<>();
        Rendered.all().forEach(rendered -> Services.all().forEach(service -> arguments.add(Arguments.of(rendered, service))));
        return arguments.stream();
    }

    @Test
    void everyServiceModuleIsDeployed() {
        // a new top-level module with an application.yml is a new service: it must join Services.MODULES
        try (Stream<java.nio.file.Path> dirs = java.nio.file.Files.list(Yamls.root())) {
            List<String> modules = dirs
                    .filter(dir -> java.nio.file.Files.isRegularFile(dir.resolve("src/main/resources/application.yml")))
                    .map(dir -> dir.getFileName().toString())
                    .toList();
            assertThat(Services.MODULES).containsAll(modules);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyVariableAServiceReadsIsDecided() {
        Services.all().forEach(service -> service.variables().keySet().forEach(variable -> assertThat(
                EnvironmentDecisions.DECISIONS)
                .as("%s reads %s: decide in EnvironmentDecisions how Compose and Kubernetes set it", service, variable)
                .containsKey(variable)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void imageIsTheServicesOwnPinnedImage(Rendered rendered, Service service) {
        String image = Yamls.string(container(rendered, service), "image");
        assertThat(image).as("image of %s", service)
                .matches("[a-z0-9.-]+(:[0-9]+)?/.*" + Pattern.quote("bantam/" + service.name()) + "(:[\\w.-]+)?(@sha256:[0-9a-f]{64})?")
                .doesNotEndWith(":latest")
                .containsAnyOf(":", "@sha256:");
        assertThat(Yamls.string(container(rendered, service), "imagePullPolicy")).isNotEqualTo("Always");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void probesAskTheActuatorOnTheServicePort(Rendered rendered, Service service) {
        Map<String, Object> container = container(rendered, service);
        assertThat(Yamls.maps(container, "ports")).anySatisfy(port -> {
            assertThat(Yamls.string(port, "name")).isEqualTo("http");
            assertThat(Yamls.string(port, "containerPort")).isEqualTo(String.valueOf(service.port()));
        });
        Map<String, String> paths = Map.of("livenessProbe", "/actuator/health/liveness",
                "readinessProbe", "/actuator/health/readiness", "startupProbe", "/actuator/health/liveness");
        paths.forEach((probe, path) -> {
            assertThat(Yamls.string(container, probe, "httpGet", "path")).as("%s %s", service, probe).isEqualTo(path);
            assertThat(Yamls.string(container, probe, "httpGet", "port")).as("%s %s port", service, probe)
                    .isIn("http", String.valueOf(service.port()));
        });
        assertThat(rendered.ofKind("Deployment")
                .filter(d -> Yamls.string(d, "metadata", "name").equals(service.name()))
                .map(d -> Yamls.string(d, "spec", "template", "metadata", "annotations", "prometheus.io/path")))
                .containsExactly("/actuator/prometheus");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void requestsAndLimitsAreSet(Rendered rendered, Service service) {
        Map<String, Object> resources = Yamls.map(container(rendered, service), "resources");
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertThat(Yamls.string(resources, kind, resource)).as("%s %s.%s", service, kind, resource).isNotBlank();
            }
        }
        // the JVM sizes its heap from the limit; a request below it invites the OOM killer under node pressure
        assertThat(Yamls.string(resources, "requests", "memory")).as("%s memory request = limit", service)
                .isEqualTo(Yamls.string(resources, "limits", "memory"));
        assertThat(mebibytes(Yamls.string(resources, "limits", "memory"))).as("%s memory limit (MiB)", service)
                .isBetween(256L, 4096L);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void runsRestricted(Rendered rendered, Service service) {
        Map<String, Object> deployment = rendered.get("Deployment", service.name());
        Map<String, Object> pod = Workloads.pod(deployment);
        Map<String, Object> container = container(rendered, service);
        assertThat(Yamls.at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(Yamls.string(pod, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
        assertThat(Yamls.at(pod, "automountServiceAccountToken")).isEqualTo(false);
        assertThat(Yamls.at(pod, "hostNetwork")).isNotEqualTo(true);
        Map<String, Object> context = Yamls.map(container, "securityContext");
        assertThat(context.get("runAsNonRoot")).isEqualTo(true);
        assertThat(context.get("readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(context.get("allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(context.get("privileged")).isNotEqualTo(true);
        assertThat(Yamls.list(context, "capabilities", "drop")).containsExactly("ALL");
        assertThat(Yamls.list(context, "capabilities", "add")).isEmpty();
        assertThat(Yamls.string(context, "seccompProfile", "type")).isEqualTo("RuntimeDefault");
        // with a read-only root, /tmp (Netty's native library, JVM temp files) must be a volume
        assertThat(Yamls.maps(container, "volumeMounts")).anySatisfy(mount ->
                assertThat(Yamls.string(mount, "mountPath")).isEqualTo("/tmp"));
        assertThat(rendered.namespace()).isNotBlank();
        assertThat(Yamls.strings(rendered.get("Namespace", rendered.namespace()), "metadata", "labels"))
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void shutsDownGracefully(Rendered rendered, Service service) {
        Map<String, Object> pod = Workloads.pod(rendered.get("Deployment", service.name()));
        var defaults = Services.serviceDefaults();
        assertThat(defaults.getProperty("server.shutdown")).isEqualTo("graceful");
        long shutdownPhase = Services.seconds(defaults.getProperty("spring.lifecycle.timeout-per-shutdown-phase"));
        Object pause = Yamls.at(container(rendered, service), "lifecycle", "preStop", "sleep", "seconds");
        assertThat(pause).as("%s preStop sleep (the image has no shell for an exec pause)", service).isInstanceOf(Integer.class);
        assertThat((Integer) pause).isPositive();
        Object grace = pod.get("terminationGracePeriodSeconds");
        assertThat(grace).as("%s terminationGracePeriodSeconds", service).isInstanceOf(Integer.class);
        assertThat(((Integer) grace).longValue()).as("%s: grace > preStop %ss + shutdown phase %ss", service, pause, shutdownPhase)
                .isGreaterThan((Integer) pause + shutdownPhase);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void serviceDisruptionBudgetAndAutoscalerCoverThePods(Rendered rendered, Service service) {
        Map<String, Object> deployment = rendered.get("Deployment", service.name());
        Map<String, String> podLabels = Yamls.strings(deployment, "spec", "template", "metadata", "labels");
        assertThat(Workloads.selects(Yamls.map(deployment, "spec", "selector"), podLabels)).isTrue();
        assertThat(deployment.get("spec")).as("%s: the HPA owns the replica count", service)
                .satisfies(spec -> assertThat(Yamls.at(spec, "replicas")).isNull());

        Map<String, Object> kubeService = rendered.get("Service", service.name());
        assertThat(Workloads.selects(Map.of("matchLabels", Yamls.map(kubeService, "spec", "selector")), podLabels)).isTrue();
        assertThat(Yamls.maps(kubeService, "spec", "ports")).anySatisfy(port -> {
            assertThat(Yamls.string(port, "port")).isEqualTo(String.valueOf(service.port()));
            assertThat(Yamls.string(port, "targetPort")).isIn("http", String.valueOf(service.port()));
        });

        Map<String, Object> hpa = rendered.ofKind("HorizontalPodAutoscaler")
                .filter(h -> service.name().equals(Yamls.string(h, "spec", "scaleTargetRef", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no HPA scales " + service));
        assertThat(Yamls.string(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
        int min = (Integer) Yamls.at(hpa, "spec", "minReplicas");
        int max = (Integer) Yamls.at(hpa, "spec", "maxReplicas");
        assertThat(min).isPositive();
        assertThat(max).isGreaterThanOrEqualTo(min);
        assertThat(Yamls.maps(hpa, "spec", "metrics")).isNotEmpty();
        if (rendered.overlay().equals("prod")) {
            assertThat(min).as("%s: prod keeps two replicas through a node loss", service).isGreaterThanOrEqualTo(2);
        }

        List<Map<String, Object>> budgets = rendered.ofKind("PodDisruptionBudget")
                .filter(pdb -> Workloads.selects(Yamls.map(pdb, "spec", "selector"), podLabels)).toList();
        assertThat(budgets).as("PodDisruptionBudget of %s", service).hasSize(1);
        Map<String, Object> budget = budgets.get(0);
        Object maxUnavailable = Yamls.at(budget, "spec", "maxUnavailable");
        Object minAvailable = Yamls.at(budget, "spec", "minAvailable");
        assertThat(maxUnavailable != null || minAvailable != null).isTrue();
        if (minAvailable instanceof Integer available) {
            assertThat(available).as("%s: a budget that allows no eviction blocks every node drain", service).isLessThan(min);
        }
        if (maxUnavailable instanceof Integer unavailable) {
            assertThat(unavailable).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void everyVariableTheServiceReadsIsSetAsDecided(Rendered rendered, Service service) {
        Map<String, Object> container = container(rendered, service);
        Map<String, Source> environment = Workloads.environment(rendered, container);
        List<String> problems = new ArrayList<>();
        for (String variable : service.variables().keySet()) {
            Decision decision = EnvironmentDecisions.DECISIONS.get(variable);
            if (decision == null) {
                continue; // everyVariableAServiceReadsIsDecided names it
            }
            Source source = environment.get(variable);
            switch (decision.kubernetes()) {
                case SET -> {
                    if (source == null || source.isSecret() || source.value() == null || source.value().isBlank()) {
                        problems.add(variable + " must be set (not from a Secret): " + source);
                    }
                }
                case SECRET -> {
                    if (source == null || !source.isSecret()) {
                        problems.add(variable + " must come from a Secret: " + source);
                    }
                }
                case DEFAULT -> {
                    if (source != null) {
                        problems.add(variable + " must be left to its default (" + decision.why() + "): " + source);
                    }
                }
            }
        }
        // nothing set that the service does not read (a typo would be silently ignored)
        for (String variable : environment.keySet()) {
            if (!service.reads(variable) && !variable.equals("JAVA_TOOL_OPTIONS")) {
                problems.add(variable + " is set but " + service + " reads no such variable");
            }
        }
        assertThat(problems).as("environment of %s in %s", service, rendered).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void valuesPointAtWhatIsDeployed(Rendered rendered, Service service) {
        Map<String, Source> environment = Workloads.environment(rendered, container(rendered, service));
        assertThat(value(environment, "SERVER_PORT")).isEqualTo(String.valueOf(service.port()));
        if (service.reads("DB_NAME")) {
            assertThat(value(environment, "DB_NAME")).isEqualTo(service.database());
            rendered.get("Cluster", DATABASE_CLUSTER);
            assertThat(value(environment, "DB_HOST")).as("the Cluster's read-write service").isEqualTo(DATABASE_CLUSTER + "-rw");
            assertThat(value(environment, "DB_PORT")).isEqualTo("5432");
            Source user = environment.get("DB_USER");
            Source password = environment.get("DB_PASSWORD");
            assertThat(user.name()).isEqualTo(password.name()).isEqualTo("bantam-db-" + service.database());
            assertThat(user.key()).isEqualTo("username");
            assertThat(password.key()).isEqualTo("password");
        }
        if (service.reads("KAFKA_BOOTSTRAP_SERVERS")) {
            rendered.get("Kafka", KAFKA_CLUSTER);
            assertThat(value(environment, "KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(KAFKA_CLUSTER + "-kafka-bootstrap:9092");
        }
        for (Service other : Services.all().toList()) {
            String variable = urlVariable(other);
            if (service.reads(variable)) {
                assertThat(value(environment, variable)).as("%s in %s", variable, service)
                        .isEqualTo("http://" + other.name() + ":" + other.port());
                rendered.get("Service", other.name());
            }
        }
        if (service.reads("BANTAM_GATEWAY_CORS_ALLOWEDORIGINS")) {
            List<String> hosts = rendered.ofKind("Ingress")
                    .flatMap(ingress -> Yamls.maps(ingress, "spec", "rules").stream())
                    .map(rule -> "https://" + Yamls.string(rule, "host")).toList();
            assertThat(value(environment, "BANTAM_GATEWAY_CORS_ALLOWEDORIGINS").split(","))
                    .as("CORS origins of %s in %s: the hosts the Ingress serves the web UI on", service, rendered)
                    .isNotEmpty().allSatisfy(origin -> assertThat(hosts).contains(origin.strip()));
        }
        if (service.reads("JWT_ISSUER")) {
            assertThat(value(environment, "JWT_ISSUER")).isEqualTo(
                    value(Workloads.environment(rendered, container(rendered, Services.service("identity-service"))), "JWT_ISSUER"));
        }
    }

    @Test
    void identityTakesItsSigningKeysFromASecret() {
        Rendered.all().forEach(rendered -> {
            Map<String, Object> identity = container(rendered, Services.service("identity-service"));
            assertThat(Workloads.secretsLoadedWhole(identity)).containsExactly("identity-signing-keys");
            Map<String, Object> from = Yamls.maps(identity, "envFrom").stream()
                    .filter(f -> f.containsKey("secretRef")).findFirst().orElseThrow();
            assertThat(Yamls.at(from, "secretRef", "optional")).as("without keys each replica would sign with its own")
                    .isNotEqualTo(true);
            Services.all().filter(s -> !s.name().equals("identity-service")).forEach(service ->
                    assertThat(Workloads.secretsLoadedWhole(container(rendered, service))).isEmpty());
        });
    }

    @Test
    void theSharedServiceCredentialIsOneSecret() {
        Rendered.all().forEach(rendered -> assertThat(Services.all()
                .filter(service -> service.reads("BANTAM_INTERNAL_TOKEN"))
                .map(service -> Workloads.environment(rendered, container(rendered, service)).get("BANTAM_INTERNAL_TOKEN"))
                .map(source -> source.name() + "/" + source.key())
                .distinct()).hasSize(1));
    }

    @Test
    void noSecretValuesInGit() throws java.io.IOException {
        // Secrets are made in the cluster (docs/operations.md); the manifests only refer to them
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(Yamls.root().resolve("deploy/k8s"))) {
            files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml")).forEach(file -> {
                for (Map<String, Object> document : Yamls.loadAll(file)) {
                    assertThat(Yamls.string(document, "kind")).as(file.toString()).isNotEqualTo("Secret");
                    assertThat(document).as(file.toString()).doesNotContainKeys("secretGenerator");
                }
            });
        }
        Rendered.all().forEach(rendered -> assertThat(rendered.ofKind("Secret")).isEmpty());
    }

    @Test
    void everySecretReferredToIsExplainedToTheOperator() {
        String operations = Yamls.read(Yamls.root().resolve("docs/operations.md"));
        Set<String> secrets = new java.util.TreeSet<>();
        Rendered.all().forEach(rendered -> rendered.resources().forEach(resource -> collectSecretNames(resource, secrets)));
        assertThat(secrets).contains("bantam-db-identity", "bantam-internal-token", "identity-signing-keys");
        secrets.forEach(secret -> assertThat(operations).as("docs/operations.md tells how to make Secret %s", secret)
                .contains(secret));
    }

    private static void collectSecretNames(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (Set.of("secretKeyRef", "secretRef", "passwordSecret", "secret").contains(key)
                        && entry.getValue() instanceof Map<?, ?> ref && ref.get("name") != null) {
                    names.add(String.valueOf(ref.get("name")));
                }
                if (key.equals("secretName")) {
                    names.add(String.valueOf(entry.getValue()));
                }
                if (key.equals("s3Credentials") && entry.getValue() instanceof Map<?, ?> credentials) {
                    credentials.values().forEach(ref -> {
                        if (ref instanceof Map<?, ?> r && r.get("name") != null) {
                            names.add(String.valueOf(r.get("name")));
                        }
                    });
                }
                collectSecretNames(entry.getValue(), names);
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectSecretNames(item, names));
        }
    }

    static String urlVariable(Service service) {
        return service.name().replace("-service", "").toUpperCase() + "_URL";
    }

    private static String value(Map<String, Source> environment, String variable) {
        Source source = environment.get(variable);
        if (source == null) {
            fail(variable + " is not set");
        }
        return source.value();
    }

    static Map<String, Object> container(Rendered rendered, Service service) {
        return Workloads.container(rendered.get("Deployment", service.name()), service.name());
    }

    static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        if (quantity.endsWith("Mi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2));
        }
        throw new AssertionError("write memory in Mi or Gi: " + quantity);
    }
}
