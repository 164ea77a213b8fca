package io.bantam.service.problem;

import io.bantam.service.problem.ApiException.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns whatever went wrong while handling a request into the problem the caller gets. Messages never carry
 * class names, SQL or stack traces: they are written here, not copied from the exception.
 */
public final class ProblemMapper {

    /** The failures that mean "a dependency is down right now": answered 503, never 500. */
    private static final Set<String> UNAVAILABLE = Set.of(
            "java.net.ConnectException",
            "java.util.concurrent.TimeoutException",
            "io.netty.channel.ConnectTimeoutException",
            "io.netty.handler.timeout.ReadTimeoutException",
            "io.netty.handler.timeout.WriteTimeoutException",
            "io.netty.handler.timeout.TimeoutException",
            "io.r2dbc.spi.R2dbcNonTransientResourceException",
            "io.r2dbc.spi.R2dbcTransientResourceException",
            "io.r2dbc.spi.R2dbcTimeoutException",
            // a deadlock or serialization failure that outlived io.bantam.service.transaction's retries
            "io.r2dbc.spi.R2dbcTransientException",
            "io.r2dbc.postgresql.PostgresConnectionClosedException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "io.github.resilience4j.circuitbreaker.CallNotPermittedException",
            "org.apache.kafka.common.errors.TimeoutException");

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private ProblemMapper() {
    }

    /** The problem for an exception; {@code null} when it is an unexpected failure (a bug: 500). */
    public static ApiException map(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (causedBy(failure, DataBufferLimitException.class)) {
            return tooLarge();
        }
        if (failure instanceof WebExchangeBindException bind) {
            return ApiException.invalid("The request has invalid fields.", fieldErrors(bind));
        }
        if (failure instanceof HandlerMethodValidationException validation) {
            return ApiException.invalid("The request has invalid parameters.", parameterErrors(validation));
        }
        if (failure instanceof ServerWebInputException input) {
            return input(input);
        }
        if (failure instanceof UnsupportedMediaTypeStatusException) {
            return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.unsupported-media-type",
                    "Unsupported media type", "Send the body as application/json.");
        }
        if (failure instanceof MethodNotAllowedException) {
            return new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "request.method-not-allowed",
                    "Method not allowed", "This resource does not support that method.");
        }
        if (failure instanceof NotAcceptableStatusException) {
            return new ApiException(HttpStatus.NOT_ACCEPTABLE, "request.not-acceptable", "Not acceptable",
                    "This resource answers in application/json.");
        }
        if (failure instanceof ResponseStatusException status) {
            return byStatus(status.getStatusCode());
        }
        if (isNamed(failure, "org.springframework.security.authentication.AuthenticationServiceException")) {
            // not a bad token: the keys to check it could not be had (identity-service down)
            return ApiException.unavailable("Tokens cannot be verified right now. Try again shortly.", RETRY_AFTER);
        }
        if (isNamed(failure, "org.springframework.security.core.AuthenticationException")) {
            return ApiException.unauthorized("auth.unauthenticated", "A valid access token is required.");
        }
        if (isNamed(failure, "org.springframework.security.access.AccessDeniedException")
                || isNamed(failure, "org.springframework.security.authorization.AuthorizationDeniedException")) {
            return ApiException.forbidden("Your role may not do this.");
        }
        if (unavailable(failure)) {
            return ApiException.unavailable("A service this request needs is unavailable. Try again shortly.",
                    RETRY_AFTER);
        }
        return null;
    }

    /** 500: the one answer for a bug, with nothing of its cause. */
    public static ApiException unexpected() {
        return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side. It has been logged.");
    }

    public static ApiException tooLarge() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "request.too-large", "Request too large",
                "The request body is larger than this endpoint accepts.");
    }

    static ApiException byStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> ApiException.invalid("The request could not be read.", List.of());
            case 401 -> ApiException.unauthorized("auth.unauthenticated", "A valid access token is required.");
            case 403 -> ApiException.forbidden("Your role may not do this.");
            case 404 -> ApiException.notFound("There is nothing here.");
            case 405 -> new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "request.method-not-allowed",
                    "Method not allowed", "This resource does not support that method.");
            case 413 -> tooLarge();
            case 429 -> ApiException.rateLimited("Too many requests. Try again later.", RETRY_AFTER);
            case 502, 503, 504 -> ApiException.unavailable(
                    "A service this request needs is unavailable. Try again shortly.", RETRY_AFTER);
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                if (known == null || status.is5xxServerError()) {
                    yield unexpected();
                }
                yield new ApiException(known, "request.refused", known.getReasonPhrase(), known.getReasonPhrase() + ".");
            }
        };
    }

    private static ApiException input(ServerWebInputException input) {
        JacksonException json = cause(input, JacksonException.class);
        if (json != null) {
            String field = path(json);
            if (json instanceof StreamReadException && !(json instanceof MismatchedInputException)) {
                return ApiException.invalid("The request body is not valid JSON.", List.of());
            }
            if (field.isEmpty()) {
                return ApiException.invalid("The request body does not have the expected shape.", List.of());
            }
            return ApiException.invalid("The request has an invalid field.",
                    List.of(new FieldError(field, valueMessage(json))));
        }
        MethodParameter parameter = input.getMethodParameter();
        if (parameter != null && parameter.getParameterName() != null && !isBody(input)) {
            String message = input.getReason() != null && input.getReason().startsWith("Required")
                    ? "is required" : "has an invalid value";
            return ApiException.invalid("The request has an invalid parameter.",
                    List.of(new FieldError(parameter.getParameterName(), message)));
        }
        if (isBody(input)) {
            return ApiException.invalid("A request body is required.", List.of());
        }
        return ApiException.invalid("The request could not be read.", List.of());
    }

    private static boolean isBody(ServerWebInputException input) {
        String reason = input.getReason();
        return reason != null && reason.contains("request body");
    }

    private static String valueMessage(JacksonException json) {
        if (json instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (json instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants());
        }
        if (json instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null
                && mismatched.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(mismatched.getTargetType().getEnumConstants());
        }
        return "has an invalid value";
    }

    private static String path(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : json.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static List<FieldError> fieldErrors(WebExchangeBindException bind) {
        List<FieldError> errors = new ArrayList<>();
        bind.getFieldErrors().forEach(error -> errors.add(new FieldError(error.getField(),
                error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())));
        bind.getGlobalErrors().forEach(error -> errors.add(new FieldError(error.getObjectName(),
                error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())));
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors;
    }

    private static List<FieldError> parameterErrors(HandlerMethodValidationException validation) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : validation.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(new FieldError(
                    name == null ? "parameter" : name,
                    error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors;
    }

    private static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (UNAVAILABLE.contains(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isNamed(Throwable failure, String className) {
        for (Class<?> c = failure.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return cause(failure, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
