package io.bantam.gateway.webui;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Which requests belong to the web UI (web/, packaged as {@code static/} in the bantam-web jar) and which to the
 * API. Everything the gateway answers is one or the other: the API, its documents, Swagger UI, the calendar feeds,
 * health and the gateway's own fallback are API paths; every other path is the UI's (its pages, its hashed assets
 * under {@code /assets/}, and what does not exist there).
 */
public final class WebUi {

    /** Where Vite puts the hashed, never-changing files (vite.config.ts {@code build.assetsDir}). */
    public static final String ASSETS = "/assets/";

    private static final List<String> API_PREFIXES = List.of("/api/", "/v3/", "/actuator/", "/calendar/", "/gateway/",
            "/swagger-ui/", "/webjars/", "/.well-known/");
    // "/calendar" itself is the UI's calendar page; the feeds are /calendar/{token}.ics
    private static final List<String> API_PATHS = List.of("/api", "/v3", "/actuator", "/gateway",
            "/swagger-ui.html", "/swagger-ui");

    private WebUi() {
    }

    /** A path the API (or its documents, feeds, health, Swagger UI) answers, never the UI. */
    public static boolean isApiPath(String path) {
        return API_PATHS.contains(path) || API_PREFIXES.stream().anyMatch(path::startsWith);
    }

    /**
     * A page of the UI that the browser router draws: a GET or HEAD navigation (the browser asks for
     * {@code text/html} by name, not only through a wildcard) to a path that is no API path and names no file (its
     * last segment has no dot). Such requests get index.html; a missing file such as {@code /assets/nope.js} or an
     * unknown {@code /api/...} keeps its 404.
     */
    public static boolean isClientRoute(ServerRequest request) {
        HttpMethod method = request.method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return false;
        }
        String path = request.path();
        if (isApiPath(path) || path.startsWith(ASSETS)) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.contains(".")) {
            return false;
        }
        return request.headers().accept().stream()
                .anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()))
                || request.headers().accept().stream().anyMatch(MediaType.APPLICATION_XHTML_XML::equalsTypeAndSubtype);
    }
}
