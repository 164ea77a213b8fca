package io.bantam.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.deploy.Services.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** PostgreSQL (CloudNativePG) and Kafka (Strimzi) as the services need them, derived from the sources. */
class DataServicesTest {

    @ParameterizedTest
    @MethodSource("io.bantam.deploy.Rendered#all")
    void everyServiceHasItsDatabaseAndRole(Rendered rendered) {
        Map<String, Object> cluster = rendered.get("Cluster", KubernetesServicesTest.DATABASE_CLUSTER);
        assertThat(Yamls.string(cluster, "apiVersion")).startsWith("postgresql.cnpg.io/");
        assertThat((Integer) Yamls.at(cluster, "spec", "instances")).isPositive();
        assertThat(Yamls.at(cluster, "spec", "enableSuperuserAccess")).isEqualTo(false);
        for (Service service : Services.all().filter(s -> s.database() != null).toList()) {
            String secret = "bantam-db-" + service.database();
            assertThat(Yamls.maps(cluster, "spec", "managed", "roles")).as("role of %s", service).anySatisfy(role -> {
                assertThat(Yamls.string(role, "name")).isEqualTo(service.database());
                assertThat(Yamls.at(role, "login")).isEqualTo(true);
                assertThat(Yamls.string(role, "passwordSecret", "name")).isEqualTo(secret);
            });
            assertThat(rendered.ofKind("Database")).as("database of %s", service).anySatisfy(database -> {
                assertThat(Yamls.string(database, "spec", "name")).isEqualTo(service.database());
                assertThat(Yamls.string(database, "spec", "owner")).isEqualTo(service.database());
                assertThat(Yamls.string(database, "spec", "cluster", "name")).isEqualTo(KubernetesServicesTest.DATABASE_CLUSTER);
            });
        }
        if (rendered.overlay().equals("prod")) {
            assertThat((Integer) Yamls.at(cluster, "spec", "instances")).as("a primary and two replicas").isGreaterThanOrEqualTo(3);
            assertThat(Yamls.maps(cluster, "spec", "plugins")).as("WAL archiving for point-in-time recovery")
                    .anySatisfy(plugin -> assertThat(plugin.get("isWALArchiver")).isEqualTo(true));
            assertThat(rendered.ofKind("ScheduledBackup")).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.bantam.deploy.Rendered#all")
    void kafkaRunsInKraftModeWithEveryTopicDeclared(Rendered rendered) {
        Map<String, Object> kafka = rendered.get("Kafka", KubernetesServicesTest.KAFKA_CLUSTER);
        assertThat(Yamls.string(kafka, "spec", "kafka", "config", "auto.create.topics.enable")).isEqualTo("false");
        assertThat(Yamls.at(kafka, "spec", "zookeeper")).isNull();
        int brokers = 0;
        int controllers = 0;
        for (Map<String, Object> pool : rendered.ofKind("KafkaNodePool").toList()) {
            assertThat(Yamls.strings(pool, "metadata", "labels")).containsEntry("strimzi.io/cluster", KubernetesServicesTest.KAFKA_CLUSTER);
            int replicas = (Integer) Yamls.at(pool, "spec", "replicas");
            if (Yamls.list(pool, "spec", "roles").contains("broker")) {
                brokers += replicas;
            }
            if (Yamls.list(pool, "spec", "roles").contains("controller")) {
                controllers += replicas;
            }
        }
        assertThat(brokers).isPositive();
        assertThat(controllers % 2).as("an odd KRaft quorum").isEqualTo(1);

        Map<String, Map<String, Object>> topics = new TreeMap<>();
        rendered.ofKind("KafkaTopic").forEach(topic -> topics.put(Yamls.string(topic, "spec", "topicName"), topic));
        Set<String> expected = new TreeSet<>(Topics.declared().values());
        Topics.consumed().forEach(topic -> expected.add(topic + ".dlt"));
        assertThat(topics.keySet()).as("a KafkaTopic for every topic and every consumed topic's dead letters")
                .isEqualTo(expected);
        int declaredPartitions = Topics.partitionsDeclaredInCode();
        for (Map.Entry<String, Map<String, Object>> entry : topics.entrySet()) {
            Map<String, Object> topic = entry.getValue();
            int replicas = (Integer) Yamls.at(topic, "spec", "replicas");
            int partitions = (Integer) Yamls.at(topic, "spec", "partitions");
            assertThat(replicas).as("%s replicas", entry.getKey()).isBetween(1, brokers);
            int minInSync = Integer.parseInt(Yamls.string(topic, "spec", "config", "min.insync.replicas"));
            assertThat(minInSync).as("%s: min.insync.replicas < replicas, or a broker loss stops writes", entry.getKey())
                    .isLessThanOrEqualTo(Math.max(1, replicas - 1));
            if (rendered.overlay().equals("prod")) {
                assertThat(replicas).isGreaterThanOrEqualTo(3);
                assertThat(minInSync).isGreaterThanOrEqualTo(2);
            }
            if (!entry.getKey().endsWith(".dlt")) {
                // fewer partitions than the services declare would leave their KafkaAdmin adding some behind
                // the topic operator's back
                assertThat(partitions).as("%s partitions", entry.getKey()).isGreaterThanOrEqualTo(declaredPartitions);
                for (Service service : Services.all().toList()) {
                    Object max = rendered.ofKind("HorizontalPodAutoscaler")
                            .filter(h -> service.name().equals(Yamls.string(h, "spec", "scaleTargetRef", "name")))
                            .map(h -> Yamls.at(h, "spec", "maxReplicas")).findFirst().orElse(0);
                    if (Topics.consumers(entry.getKey()).contains(service.name())) {
                        assertThat(partitions).as("%s: a partition for every replica of %s", entry.getKey(), service)
                                .isGreaterThanOrEqualTo((Integer) max);
                    }
                }
            }
        }
    }

    /** Topic names and consumers, read from the sources. */
    static final class Topics {

        private static final Pattern CONSTANT =
                Pattern.compile("static final String (\\w+)\\s*=\\s*\"(bantam\\.[a-z0-9.]+)\"");
        private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\([^)]*topics\\s*=\\s*Topics\\.(\\w+)");
        private static final Pattern PARTITIONS = Pattern.compile("static final int \\w*PARTITIONS\\w* = (\\d+);");

        /** Constant name -> topic, from platform/events' Topics. */
        static Map<String, String> declared() {
            Path topics = sources(Yamls.root().resolve("platform/events/src/main/java"))
                    .filter(file -> file.getFileName().toString().equals("Topics.java")).findFirst()
                    .orElseThrow(() -> new AssertionError("platform/events has no Topics.java"));
            Map<String, String> declared = new TreeMap<>();
            Matcher matcher = CONSTANT.matcher(Yamls.read(topics));
            while (matcher.find()) {
                declared.put(matcher.group(1), matcher.group(2));
            }
            assertThat(declared).isNotEmpty();
            return declared;
        }

        /** Topics some service or service-defaults listens to. */
        static Set<String> consumed() {
            Set<String> consumed = new TreeSet<>();
            listeners().forEach((module, topics) -> consumed.addAll(topics));
            return consumed;
        }

        /** The services consuming a topic (a listener in service-defaults counts for the services that enable it). */
        static Set<String> consumers(String topic) {
            Set<String> consumers = new TreeSet<>();
            listeners().forEach((module, topics) -> {
                if (topics.contains(topic)) {
                    if (module.equals("platform/service-defaults")) {
                        Services.MODULES.stream()
                                .filter(m -> Yamls.read(Services.applicationYml(m)).contains("projection:"))
                                .forEach(consumers::add);
                    } else {
                        consumers.add(module);
                    }
                }
            });
            return consumers;
        }

        private static Map<String, Set<String>> listeners() {
            Map<String, String> declared = declared();
            Map<String, Set<String>> listeners = new TreeMap<>();
            Stream.concat(Services.MODULES.stream(), Stream.of("platform/service-defaults")).forEach(module -> {
                Set<String> topics = new TreeSet<>();
                sources(Yamls.root().resolve(module).resolve("src/main/java")).forEach(file -> {
                    Matcher matcher = LISTENER.matcher(Yamls.read(file));
                    while (matcher.find()) {
                        topics.add(declared.get(matcher.group(1)));
                    }
                });
                listeners.put(module, topics);
            });
            return listeners;
        }

        static int partitionsDeclaredInCode() {
            int max = 1;
            for (String module : Services.MODULES) {
                for (Path file : sources(Yamls.root().resolve(module).resolve("src/main/java")).toList()) {
                    Matcher matcher = PARTITIONS.matcher(Yamls.read(file));
                    while (matcher.find()) {
                        max = Math.max(max, Integer.parseInt(matcher.group(1)));
                    }
                }
            }
            return max;
        }

        private static Stream<Path> sources(Path folder) {
            if (!Files.isDirectory(folder)) {
                return Stream.empty();
            }
            try (Stream<Path> files = Files.walk(folder)) {
                return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
