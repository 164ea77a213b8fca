package io.bantam.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Plain YAML reading (SnakeYAML, safe constructor) and small accessors for the untyped trees it gives. */
final class Yamls {

    private Yamls() {
    }

    /** The repository root: set by the build (bantam.root), or found from the working directory. */
    static Path root() {
        String configured = System.getProperty("bantam.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + start);
    }

    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    /** Every document of a file, empty ones left out. */
    static List<Map<String, Object>> loadAll(Path file) {
        return loadAll(read(file), file.toString());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> loadAll(String text, String source) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(text)) {
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map)) {
                throw new IllegalArgumentException(source + ": a document that is not a mapping");
            }
            documents.add((Map<String, Object>) document);
        }
        return documents;
    }

    static Map<String, Object> load(Path file) {
        List<Map<String, Object>> documents = loadAll(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + ": expected one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value at a path of keys, or null where any step is missing. */
    @SuppressWarnings("unchecked")
    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map)) {
                return null;
            }
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object value = at(node, path);
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... path) {
        Object value = at(node, path);
        return value instanceof List ? (List<Object>) value : List.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object node, String... path) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object item : list(node, path)) {
            if (item instanceof Map) {
                result.add((Map<String, Object>) item);
            }
        }
        return result;
    }

    static String string(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? null : String.valueOf(value);
    }

    /** Labels or other string maps (values stringified). */
    static Map<String, String> strings(Object node, String... path) {
        Map<String, String> result = new LinkedHashMap<>();
        map(node, path).forEach((key, value) -> result.put(key, Objects.toString(value, null)));
        return result;
    }

    @SuppressWarnings("unchecked")
    static Object deepCopy(Object node) {
        if (node instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) node).forEach((key, value) -> copy.put(key, deepCopy(value)));
            return copy;
        }
        if (node instanceof List) {
            List<Object> copy = new ArrayList<>();
            ((List<Object>) node).forEach(value -> copy.add(deepCopy(value)));
            return copy;
        }
        return node;
    }
}
