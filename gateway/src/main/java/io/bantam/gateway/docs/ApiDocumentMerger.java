package io.bantam.gateway.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Merges the services' OpenAPI documents into one. Their paths are disjoint (each service owns its
 * {@code /api/...} prefixes). Components are shared where they are equal (the {@code Problem} schema and the
 * bearer scheme every service has from service-defaults) and kept apart where two services use one name for
 * different things: the later service's is renamed {@code <service>.<name>} and every reference to it in that
 * service's paths and components follows. A service without a document is left out, and said to be, in the
 * description and in {@code x-bantam-services}.
 */
final class ApiDocumentMerger {

    private static final Logger log = LoggerFactory.getLogger(ApiDocumentMerger.class);

    /** Component sections whose entries are referred to by {@code $ref}, so may be renamed. */
    private static final List<String> RENAMEABLE = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "links", "callbacks", "pathItems");
    private static final String COMPONENTS = "#/components/";

    private ApiDocumentMerger() {
    }

    /** One service's document; {@code null} when it could not be had. */
    record ServiceDocument(String service, JsonNode document) {

        static ServiceDocument unavailable(String service) {
            return new ServiceDocument(service, null);
        }

        boolean available() {
            return document != null;
        }
    }

    static ObjectNode merge(List<ServiceDocument> documents, String version) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode merged = nodes.objectNode();
        merged.put("openapi", documents.stream().filter(ServiceDocument::available)
                .map(document -> document.document().path("openapi").asString("3.1.0")).findFirst().orElse("3.1.0"));
        ObjectNode info = merged.putObject("info");
        info.put("title", "Bantam API");
        info.put("version", version);
        info.put("description", description(documents));
        merged.putArray("servers").addObject().put("url", "/").put("description", "the gateway");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode status = nodes.objectNode();

        for (ServiceDocument document : documents) {
            status.put(document.service(), document.available() ? "included" : "unavailable");
            if (!document.available()) {
                continue;
            }
            JsonNode own = withoutClashes(document.service(), document.document(), components);
            own.path("paths").properties().forEach(path -> {
                if (paths.has(path.getKey())) {
                    log.warn("{} documents {} too: kept the first service's", document.service(), path.getKey());
                } else {
                    paths.set(path.getKey(), path.getValue());
                }
            });
            own.path("components").properties().forEach(section -> {
                ObjectNode into = components.has(section.getKey()) ? (ObjectNode) components.get(section.getKey())
                        : components.putObject(section.getKey());
                section.getValue().properties().forEach(entry -> {
                    if (!into.has(entry.getKey())) {
                        into.set(entry.getKey(), entry.getValue());
                    }
                });
            });
            Set<String> known = new HashSet<>();
            tags.forEach(tag -> known.add(tag.path("name").asString()));
            own.path("tags").forEach(tag -> {
                if (known.add(tag.path("name").asString())) {
                    tags.add(tag);
                }
            });
        }
        merged.set("x-bantam-services", status);
        return merged;
    }

    private static String description(List<ServiceDocument> documents) {
        String all = documents.stream().map(ServiceDocument::service).collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder("Every service's API behind the gateway, in one document: ")
                .append(all).append(". Each service's own document is at `/v3/api-docs/{service}`. Errors are RFC 9457 "
                        + "problems (`application/problem+json`) with a stable `code`; everything but sign-up, login, "
                        + "refresh and logout needs `Authorization: Bearer <accessToken>`.");
        List<String> missing = documents.stream().filter(document -> !document.available())
                .map(ServiceDocument::service).toList();
        if (!missing.isEmpty()) {
            text.append("\n\n**Left out: ").append(String.join(", ", missing))
                    .append("** (unavailable right now: the API is there, its operations are just not listed here).");
        }
        return text.toString();
    }

    /**
     * The service's document with every component that clashes with an already merged one of the same name
     * renamed, and every reference to it rewritten. Repeated until nothing new clashes: a renamed reference can
     * make a component that was equal differ.
     */
    static JsonNode withoutClashes(String service, JsonNode document, ObjectNode merged) {
        Map<String, String> renames = new HashMap<>();  // "schemas/User" -> "booking.User"
        while (true) {
            JsonNode renamed = renamed(document, renames);
            List<String> clashes = new ArrayList<>();
            for (String section : RENAMEABLE) {
                renamed.path("components").path(section).properties().forEach(entry -> {
                    JsonNode existing = merged.path(section).path(entry.getKey());
                    if (!existing.isMissingNode() && !existing.equals(entry.getValue())) {
                        clashes.add(section + "/" + entry.getKey());
                    }
                });
            }
            if (clashes.isEmpty()) {
                return renamed;
            }
            for (String clash : clashes) {
                String section = clash.substring(0, clash.indexOf('/'));
                String name = clash.substring(clash.indexOf('/') + 1);
                String newName = service + "." + name;
                for (int i = 2; merged.path(section).has(newName); i++) {
                    newName = service + "." + name + "." + i;
                }
                renames.put(clash, newName);
            }
        }
    }

    private static JsonNode renamed(JsonNode document, Map<String, String> renames) {
        JsonNode copy = document.deepCopy();
        if (renames.isEmpty()) {
            return copy;
        }
        JsonNode components = copy.path("components");
        renames.forEach((key, newName) -> {
            String section = key.substring(0, key.indexOf('/'));
            String name = key.substring(key.indexOf('/') + 1);
            if (components.path(section) instanceof ObjectNode entries && entries.has(name)) {
                entries.set(newName, entries.remove(name));
            }
        });
        Map<String, String> references = new HashMap<>();
        renames.forEach((key, newName) -> references.put(COMPONENTS + key,
                COMPONENTS + key.substring(0, key.indexOf('/') + 1) + newName));
        return rewriteReferences(copy, references);
    }

    /** Every string that is a reference to a renamed component ({@code $ref}, discriminator mappings). */
    private static JsonNode rewriteReferences(JsonNode node, Map<String, String> references) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> entry : new ArrayList<>(object.properties())) {
                object.set(entry.getKey(), rewriteReferences(entry.getValue(), references));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewriteReferences(array.get(i), references));
            }
            return array;
        }
        if (node.isString() && node.asString().startsWith(COMPONENTS)) {
            String reference = node.asString();
            for (Map.Entry<String, String> rename : references.entrySet()) {
                if (reference.equals(rename.getKey()) || reference.startsWith(rename.getKey() + "/")) {
                    return StringNode.valueOf(rename.getValue() + reference.substring(rename.getKey().length()));
                }
            }
        }
        return node;
    }
}
