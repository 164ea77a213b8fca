package io.bantam.service.openapi;

import io.bantam.service.paging.Cursors;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The conventions every Bantam API follows, written into the OpenAPI document once for all services:
 * <ul>
 * <li>an operation on a protected path (not a public one) needs the bearer token and can answer 401;</li>
 * <li>every 4xx and 5xx answer is an RFC 9457 problem ({@code application/problem+json}, schema {@code Problem});</li>
 * <li>the answers any operation can give are listed where they apply: 400 with parameters or a body, 404 with a
 * path parameter, 413 with a body, 429 and 503 (with {@code Retry-After}) everywhere. Answers particular to an
 * operation (403, 409, 422 and their codes) are declared on it with {@link Refuses}; their content is filled in
 * here;</li>
 * <li>operation ids are unique across all services ({@code getTasksById}), tags name the resource
 * ({@code tasks}), so the gateway can merge the documents.</li>
 * </ul>
 */
public class ApiConventions implements OpenApiCustomizer {

    public static final String BEARER = "bearerAuth";
    public static final String PROBLEM = "Problem";
    public static final String FIELD_ERROR = "ProblemFieldError";

    static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<String, String> GENERIC = Map.of(
            "400", "Invalid request (`request.invalid`): malformed JSON, or an invalid field or parameter; "
                    + "`errors` names each one.",
            "401", "No valid access token (`auth.unauthenticated`).",
            "404", "Not found (`not-found`): it does not exist or is not the caller's.",
            "413", "The request body is larger than 1 MiB (`request.too-large`).",
            "429", "Too many requests (`rate-limited`): try again after `Retry-After` seconds.",
            "503", "A service this request needs is unavailable (`service.unavailable`): try again after "
                    + "`Retry-After` seconds.");

    private final List<PathPattern> publicPaths;
    private final List<PathPattern> protectedPaths;

    public ApiConventions(List<String> publicPaths, List<String> protectedPaths) {
        this.publicPaths = publicPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.protectedPaths = protectedPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSchemas(PROBLEM, problemSchema());
        components.addSchemas(FIELD_ERROR, fieldErrorSchema());
        TreeSet<String> tags = new TreeSet<>();
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                String tag = resource(path);
                operation.setTags(List.of(tag));
                tags.add(tag);
                operation.setOperationId(operationId(method, path));
                apply(path, operation);
            }));
        }
        api.setTags(tags.isEmpty() ? null : tags.stream().map(name -> new Tag().name(name)).toList());
    }

    /** Whether a caller needs a token for this path, by the service's own security settings. */
    boolean needsToken(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return publicPaths.stream().noneMatch(pattern -> pattern.matches(container))
                && protectedPaths.stream().anyMatch(pattern -> pattern.matches(container));
    }

    private void apply(String path, Operation operation) {
        boolean needsToken = needsToken(path);
        if (needsToken) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        parameters.forEach(ApiConventions::describePaging);
        boolean hasBody = operation.getRequestBody() != null;
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (hasBody || !parameters.isEmpty()) {
            addIfAbsent(responses, "400");
        }
        if (needsToken) {
            addIfAbsent(responses, "401");
        }
        if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
            addIfAbsent(responses, "404");
        }
        if (hasBody) {
            addIfAbsent(responses, "413");
        }
        addIfAbsent(responses, "429");
        addIfAbsent(responses, "503");
        ApiResponses sorted = new ApiResponses();
        responses.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(entry -> sorted.addApiResponse(entry.getKey(), asProblemIfError(entry.getKey(), entry.getValue())));
        operation.setResponses(sorted);
    }

    /** The paging parameters of every list ({@code Cursors}): what CONTRACT.md says of them. */
    private static void describePaging(Parameter parameter) {
        if (!"query".equals(parameter.getIn())) {
            return;
        }
        if ("limit".equals(parameter.getName())) {
            parameter.description("Items per page.");
            parameter.schema(new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(Cursors.MAX_LIMIT))
                    ._default(Cursors.DEFAULT_LIMIT));
        } else if ("cursor".equals(parameter.getName())) {
            parameter.description("Opaque: the `nextCursor` of the previous page.");
        }
    }

    private static void addIfAbsent(ApiResponses responses, String code) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(GENERIC.get(code)));
        }
    }

    /** A 4xx or 5xx answer is a problem, whatever springdoc guessed from the method's return type. */
    private static ApiResponse asProblemIfError(String code, ApiResponse response) {
        if (!code.startsWith("4") && !code.startsWith("5")) {
            return response;
        }
        response.setContent(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        if (code.equals("429") || code.equals("503")) {
            response.addHeaderObject("Retry-After", new Header()
                    .description("Seconds to wait before trying again.")
                    .schema(new IntegerSchema()));
        }
        return response;
    }

    /** The resource a path is about: the segment after {@code /api} ({@code /api/tasks/{id}} is {@code tasks}). */
    static String resource(String path) {
        String[] segments = path.replaceFirst("^/api/", "/").split("/");
        return segments.length > 1 ? segments[1] : "api";
    }

    /** {@code GET /api/tasks/{id}} is {@code getTasksById}: unique, because a method and path are. */
    static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String segment : path.replaceFirst("^/api/", "/").split("[/.-]")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                id.append("By");
                segment = segment.substring(1, segment.length() - 1);
            }
            id.append(Character.toUpperCase(segment.charAt(0))).append(segment.substring(1));
        }
        return id.toString();
    }

    private static Schema<?> problemSchema() {
        Schema<?> schema = new ObjectSchema()
                .description("An RFC 9457 problem. Members beyond these may be present (e.g. `conflictingParty`).")
                .addProperty("type", new StringSchema().format("uri-reference").example("urn:bantam:problem:not-found"))
                .addProperty("title", new StringSchema().example("Not found"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema().example("There is nothing here."))
                .addProperty("instance", new StringSchema().example("/api/tasks/0b0e...").description("the request path"))
                .addProperty("code", new StringSchema().example("not-found")
                        .description("stable and machine-readable: what went wrong"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                        .description("with `request.invalid`: one entry per invalid field or parameter"));
        schema.setRequired(new ArrayList<>(List.of("type", "title", "status", "detail", "code")));
        return schema;
    }

    private static Schema<?> fieldErrorSchema() {
        Schema<?> schema = new ObjectSchema()
                .addProperty("field", new StringSchema().example("title"))
                .addProperty("message", new StringSchema().example("size must be between 1 and 200"));
        schema.setRequired(new ArrayList<>(List.of("field", "message")));
        return schema;
    }
}
