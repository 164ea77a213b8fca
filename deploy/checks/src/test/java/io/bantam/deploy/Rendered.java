package io.bantam.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** One rendered overlay of deploy/k8s, with lookups by kind and name. Rendered once per JVM. */
record Rendered(String overlay, List<Map<String, Object>> resources) {

    static final List<String> OVERLAYS = List.of("dev", "prod");

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    static Rendered overlay(String name) {
        return CACHE.computeIfAbsent(name, key -> new Rendered(key, List.copyOf(Kustomize.render(overlayPath(key)))));
    }

    static Path overlayPath(String name) {
        return Yamls.root().resolve("deploy/k8s/overlays").resolve(name);
    }

    static Stream<Rendered> all() {
        return OVERLAYS.stream().map(Rendered::overlay);
    }

    Stream<Map<String, Object>> ofKind(String kind) {
        return resources.stream().filter(resource -> kind.equals(Yamls.string(resource, "kind")));
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).filter(resource -> name.equals(Yamls.string(resource, "metadata", "name"))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(
                "overlay " + overlay + " renders no " + kind + " named " + name));
    }

    String namespace() {
        return ofKind("Namespace").map(ns -> Yamls.string(ns, "metadata", "name")).findFirst()
                .orElseThrow(() -> new AssertionError("overlay " + overlay + " renders no Namespace"));
    }

    @Override
    public String toString() {
        return overlay;
    }
}
