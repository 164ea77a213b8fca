package io.bantam.service.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal a service answers on purpose: rendered as an RFC 9457 problem with a stable {@code code}.
 * Throw it (or return {@code Mono.error(...)}) from anywhere in request handling; the problem handler of
 * service-defaults turns it into {@code application/problem+json}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final transient Map<String, Object> properties;
    private final transient List<FieldError> errors;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, Map.of(), List.of(), null);
    }

    private ApiException(HttpStatus status, String code, String title, String detail,
            Map<String, Object> properties, List<FieldError> errors, Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.properties = Map.copyOf(properties);
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    /** 400 {@code request.invalid} naming the fields that are wrong. */
    public static ApiException invalid(String detail, List<FieldError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "Invalid request", detail, Map.of(), errors,
                null);
    }

    /** 400 {@code request.invalid} for one field. */
    public static ApiException invalidField(String field, String message) {
        return invalid("The request has an invalid field.", List.of(new FieldError(field, message)));
    }

    /** 401 with the given code, e.g. {@code auth.bad-credentials}. */
    public static ApiException unauthorized(String code, String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, code, "Unauthorized", detail);
    }

    /** 403 {@code role.forbidden}. */
    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "role.forbidden", "Forbidden", detail);
    }

    /** 404 {@code not-found}: does not exist or is not the caller's; never say which. */
    public static ApiException notFound(String detail) {
        return notFound("not-found", detail);
    }

    /** 404 with a specific code, e.g. {@code client.not-found}. */
    public static ApiException notFound(String code, String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, code, "Not found", detail);
    }

    /** 409 with the given code. */
    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, "Conflict", detail);
    }

    /** 422: a business rule refused the request. */
    public static ApiException unprocessable(String code, String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, "Refused by a business rule", detail);
    }

    /** 429 {@code rate-limited} with {@code Retry-After}. */
    public static ApiException rateLimited(String detail, Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail, Map.of(),
                List.of(), retryAfter);
    }

    /** 503 {@code service.unavailable} with {@code Retry-After}. */
    public static ApiException unavailable(String detail, Duration retryAfter) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable", "Service unavailable", detail,
                Map.of(), List.of(), retryAfter);
    }

    /** The same problem with one more member in its body, e.g. {@code conflictingParty}. */
    public ApiException with(String property, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(property, value);
        return new ApiException(status, code, title, getMessage(), more, errors, retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** How long the caller should wait before trying again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** One entry of a 400's {@code errors} list. */
    public record FieldError(String field, String message) {
    }
}
