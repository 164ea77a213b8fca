package io.bantam.service.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@link ApiException} as an RFC 9457 problem: {@code application/problem+json} with {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance}, the stable {@code code}, {@code errors}
 * for 400s and any extra members. The one place a problem body is built, for handlers and filters alike.
 */
public class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private static final String TYPE_PREFIX = "urn:bantam:problem:";

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /** The problem document for an exception, as an ordered map. */
    public Map<String, Object> body(ApiException problem, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + problem.code());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("code", problem.code());
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        problem.properties().forEach(body::putIfAbsent);
        return body;
    }

    /** Writes the problem as the exchange's response. */
    public Mono<Void> write(ServerWebExchange exchange, ApiException problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(problem);
        }
        response.setStatusCode(problem.status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(PROBLEM_JSON);
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        if (problem.retryAfter() != null) {
            long seconds = Math.max(1, (long) Math.ceil(problem.retryAfter().toMillis() / 1000.0));
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        byte[] bytes = json.writeValueAsString(body(problem, exchange.getRequest().getPath().value()))
                .getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
