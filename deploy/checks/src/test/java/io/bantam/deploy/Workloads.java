package io.bantam.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading a rendered Deployment: its pod, its container, and where each environment variable comes from. */
final class Workloads {

    private Workloads() {
    }

    /** Where a variable comes from: a literal, a ConfigMap key (with its value) or a Secret key. */
    record Source(String kind, String name, String key, String value) {

        boolean isSecret() {
            return kind.equals("Secret");
        }
    }

    static Map<String, Object> pod(Map<String, Object> deployment) {
        return Yamls.map(deployment, "spec", "template", "spec");
    }

    static Map<String, Object> container(Map<String, Object> deployment, String name) {
        return Yamls.maps(pod(deployment), "containers").stream()
                .filter(container -> name.equals(Yamls.string(container, "name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Deployment " + Yamls.string(deployment, "metadata", "name")
                        + " has no container " + name));
    }

    /** Every variable the container gets, resolved against the rendered ConfigMaps (later entries win). */
    static Map<String, Source> environment(Rendered rendered, Map<String, Object> container) {
        Map<String, Source> environment = new LinkedHashMap<>();
        for (Map<String, Object> from : Yamls.maps(container, "envFrom")) {
            if (from.containsKey("prefix")) {
                throw new AssertionError("envFrom with a prefix is not checked: " + from);
            }
            String configMap = Yamls.string(from, "configMapRef", "name");
            if (configMap != null) {
                Map<String, Object> map = rendered.get("ConfigMap", configMap);
                Yamls.strings(map, "data").forEach((key, value) ->
                        environment.put(key, new Source("ConfigMap", configMap, key, value)));
            }
        }
        for (Map<String, Object> variable : Yamls.maps(container, "env")) {
            String name = Yamls.string(variable, "name");
            if (variable.containsKey("value")) {
                environment.put(name, new Source("literal", null, null, Yamls.string(variable, "value")));
            } else if (Yamls.at(variable, "valueFrom", "secretKeyRef") != null) {
                environment.put(name, new Source("Secret", Yamls.string(variable, "valueFrom", "secretKeyRef", "name"),
                        Yamls.string(variable, "valueFrom", "secretKeyRef", "key"), null));
            } else if (Yamls.at(variable, "valueFrom", "configMapKeyRef") != null) {
                String map = Yamls.string(variable, "valueFrom", "configMapKeyRef", "name");
                String key = Yamls.string(variable, "valueFrom", "configMapKeyRef", "key");
                String value = Yamls.strings(rendered.get("ConfigMap", map), "data").get(key);
                if (value == null) {
                    throw new AssertionError("ConfigMap " + map + " has no key " + key + " for " + name);
                }
                environment.put(name, new Source("ConfigMap", map, key, value));
            } else {
                throw new AssertionError("variable " + name + " is set in a way not checked here: " + variable);
            }
        }
        return environment;
    }

    /** Secrets loaded whole (envFrom secretRef): their keys are not known here. */
    static List<String> secretsLoadedWhole(Map<String, Object> container) {
        List<String> secrets = new ArrayList<>();
        for (Map<String, Object> from : Yamls.maps(container, "envFrom")) {
            String secret = Yamls.string(from, "secretRef", "name");
            if (secret != null) {
                secrets.add(secret);
            }
        }
        return secrets;
    }

    /** Whether a label selector (matchLabels only) selects these labels. */
    static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        if (selector.containsKey("matchExpressions")) {
            throw new AssertionError("matchExpressions are not evaluated here: " + selector);
        }
        Map<String, String> match = Yamls.strings(selector, "matchLabels");
        return match.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
    }
}
