package io.bantam.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of Kustomize that deploy/k8s uses, rendered in plain Java so the overlays are checked on machines
 * without kubectl: {@code resources} (files and folders with their own kustomization.yaml), {@code patches} (files
 * of strategic-merge patches, matched by kind and name), {@code namespace}, {@code labels} (metadata only) and
 * {@code images}. Anything else in a kustomization fails the render, so the manifests cannot drift outside what
 * is checked. Where kubectl is present, {@code RenderedLikeKubectlTest} compares this rendering with
 * {@code kubectl kustomize}.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED_KEYS =
            Set.of("apiVersion", "kind", "resources", "patches", "namespace", "labels", "images");

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ClusterIssuer");

    /** Merge keys of the lists in built-in kinds that deploy/k8s patches (Kubernetes' patchMergeKey). */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath",
            "imagePullSecrets", "name");

    private Kustomize() {
    }

    /** Renders the kustomization in a folder: the resources it yields, in the order they were declared. */
    static List<Map<String, Object>> render(Path folder) {
        Path file = folder.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new UnsupportedKustomization(folder + " has no kustomization.yaml");
        }
        Map<String, Object> kustomization = Yamls.load(file);
        for (String key : kustomization.keySet()) {
            if (!SUPPORTED_KEYS.contains(key)) {
                throw new UnsupportedKustomization(file + ": '" + key + "' is outside the Kustomize subset "
                        + "deploy/checks renders (" + SUPPORTED_KEYS + ")");
            }
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : Yamls.list(kustomization, "resources")) {
            String reference = String.valueOf(entry);
            if (reference.contains("://") || reference.startsWith("github.com/")) {
                throw new UnsupportedKustomization(file + ": remote resource " + reference);
            }
            Path path = folder.resolve(reference).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(render(path));
            } else if (Files.isRegularFile(path)) {
                resources.addAll(Yamls.loadAll(path));
            } else {
                throw new IllegalArgumentException(file + ": resource " + reference + " does not exist");
            }
        }
        for (Map<String, Object> patchEntry : Yamls.maps(kustomization, "patches")) {
            if (patchEntry.keySet().size() != 1 || !patchEntry.containsKey("path")) {
                throw new UnsupportedKustomization(file + ": a patch must be {path: <file of strategic-merge "
                        + "patches>}, not " + patchEntry.keySet());
            }
            Path patchFile = folder.resolve(String.valueOf(patchEntry.get("path")));
            for (Map<String, Object> patch : Yamls.loadAll(patchFile)) {
                applyPatch(resources, patch, patchFile);
            }
        }
        String namespace = Yamls.string(kustomization, "namespace");
        if (namespace != null) {
            for (Map<String, Object> resource : resources) {
                setNamespace(resource, namespace, file);
            }
        }
        for (Map<String, Object> labels : Yamls.maps(kustomization, "labels")) {
            for (String key : labels.keySet()) {
                if (!key.equals("pairs") && !(key.equals("includeSelectors") || key.equals("includeTemplates"))) {
                    throw new UnsupportedKustomization(file + ": labels." + key);
                }
            }
            if (Boolean.TRUE.equals(labels.get("includeSelectors")) || Boolean.TRUE.equals(labels.get("includeTemplates"))) {
                throw new UnsupportedKustomization(file + ": labels into selectors or templates");
            }
            Map<String, String> pairs = Yamls.strings(labels, "pairs");
            for (Map<String, Object> resource : resources) {
                metadata(resource, "labels").putAll(pairs);
            }
        }
        for (Map<String, Object> image : Yamls.maps(kustomization, "images")) {
            for (String key : image.keySet()) {
                if (!Set.of("name", "newName", "newTag", "digest").contains(key)) {
                    throw new UnsupportedKustomization(file + ": images." + key);
                }
            }
            for (Map<String, Object> resource : resources) {
                setImages(resource, image);
            }
        }
        return resources;
    }

    private static void applyPatch(List<Map<String, Object>> resources, Map<String, Object> patch, Path source) {
        String kind = Yamls.string(patch, "kind");
        String name = Yamls.string(patch, "metadata", "name");
        String group = group(Yamls.string(patch, "apiVersion"));
        Map<String, Object> target = null;
        for (Map<String, Object> resource : resources) {
            if (kind.equals(Yamls.string(resource, "kind")) && name.equals(Yamls.string(resource, "metadata", "name"))
                    && group.equals(group(Yamls.string(resource, "apiVersion")))) {
                if (target != null) {
                    throw new IllegalArgumentException(source + ": " + kind + "/" + name + " matches twice");
                }
                target = resource;
            }
        }
        if (target == null) {
            throw new IllegalArgumentException(source + ": the patch of " + kind + "/" + name + " matches nothing");
        }
        Map<String, Object> merged = mergeMaps(target, patch, isBuiltIn(Yamls.string(target, "apiVersion")));
        target.clear();
        target.putAll(merged);
    }

    /** A strategic merge: maps merge key by key (null deletes), keyed lists of built-in kinds merge by key. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mergeMaps(Map<String, Object> base, Map<String, Object> patch, boolean builtIn) {
        Map<String, Object> result = new LinkedHashMap<>();
        base.forEach((key, value) -> result.put(key, Yamls.deepCopy(value)));
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.startsWith("$")) {
                throw new UnsupportedKustomization("patch directive " + key);
            }
            if (value == null) {
                result.remove(key);
            } else if (value instanceof Map && result.get(key) instanceof Map) {
                result.put(key, mergeMaps((Map<String, Object>) result.get(key), (Map<String, Object>) value, builtIn));
            } else if (value instanceof List && result.get(key) instanceof List && builtIn && MERGE_KEYS.containsKey(key)) {
                result.put(key, mergeLists((List<Object>) result.get(key), (List<Object>) value, MERGE_KEYS.get(key)));
            } else {
                result.put(key, Yamls.deepCopy(value));
            }
        }
        return result;
    }

    /**
     * As Kustomize orders a merged keyed list: the patch's items first, in the patch's order (each merged into the
     * base item with its key), then the base items the patch did not name.
     */
    @SuppressWarnings("unchecked")
    private static List<Object> mergeLists(List<Object> base, List<Object> patch, String mergeKey) {
        List<Object> result = new ArrayList<>();
        List<Object> remaining = new ArrayList<>(base);
        for (Object item : patch) {
            if (!(item instanceof Map) || ((Map<String, Object>) item).get(mergeKey) == null) {
                throw new UnsupportedKustomization("a list item without its merge key " + mergeKey + ": " + item);
            }
            Object key = ((Map<String, Object>) item).get(mergeKey);
            Map<String, Object> match = null;
            for (Object candidate : remaining) {
                if (candidate instanceof Map && key.equals(((Map<String, Object>) candidate).get(mergeKey))) {
                    match = (Map<String, Object>) candidate;
                    break;
                }
            }
            if (match != null) {
                remaining.remove(match);
                result.add(mergeMaps(match, (Map<String, Object>) item, true));
            } else {
                result.add(Yamls.deepCopy(item));
            }
        }
        result.addAll(remaining);
        return result;
    }

    private static void setNamespace(Map<String, Object> resource, String namespace, Path source) {
        String kind = Yamls.string(resource, "kind");
        if (kind.equals("Namespace")) {
            if (!namespace.equals(Yamls.string(resource, "metadata", "name"))) {
                throw new UnsupportedKustomization(source + ": a Namespace other than the kustomization's");
            }
            return;
        }
        if (kind.endsWith("Binding")) {
            throw new UnsupportedKustomization(source + ": namespaces of role binding subjects");
        }
        if (!CLUSTER_SCOPED.contains(kind)) {
            metadataMap(resource).put("namespace", namespace);
        }
    }

    @SuppressWarnings("unchecked")
    private static void setImages(Object node, Map<String, Object> image) {
        if (node instanceof Map) {
            Map<String, Object> map = (Map<String, Object>) node;
            for (String field : List.of("containers", "initContainers")) {
                for (Map<String, Object> container : Yamls.maps(map, field)) {
                    Object current = container.get("image");
                    if (current != null) {
                        container.put("image", replaceImage(String.valueOf(current), image));
                    }
                }
            }
            map.values().forEach(value -> setImages(value, image));
        } else if (node instanceof List) {
            ((List<Object>) node).forEach(value -> setImages(value, image));
        }
    }

    static String replaceImage(String reference, Map<String, Object> image) {
        String name = reference;
        String digest = null;
        String tag = null;
        int at = name.indexOf('@');
        if (at >= 0) {
            digest = name.substring(at + 1);
            name = name.substring(0, at);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        if (!name.equals(String.valueOf(image.get("name")))) {
            return reference;
        }
        if (image.get("newName") != null) {
            name = String.valueOf(image.get("newName"));
        }
        if (image.get("newTag") != null) {
            tag = String.valueOf(image.get("newTag"));
        }
        if (image.get("digest") != null) {
            digest = String.valueOf(image.get("digest"));
            tag = null;
        }
        return name + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadataMap(Map<String, Object> resource) {
        return (Map<String, Object>) resource.computeIfAbsent("metadata", key -> new LinkedHashMap<String, Object>());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> resource, String field) {
        return (Map<String, Object>) metadataMap(resource).computeIfAbsent(field, key -> new LinkedHashMap<String, Object>());
    }

    static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** Kubernetes' own kinds (which have merge keys); custom resources merge lists by replacing them. */
    static boolean isBuiltIn(String apiVersion) {
        String group = group(apiVersion);
        return group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
    }

    /** A kustomization that steps outside the subset rendered here. */
    static final class UnsupportedKustomization extends RuntimeException {
        UnsupportedKustomization(String message) {
            super(message);
        }
    }
}
