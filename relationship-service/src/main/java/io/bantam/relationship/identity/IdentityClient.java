package io.bantam.relationship.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.bantam.relationship.profile.domain.UserProfile;
import io.bantam.service.problem.ApiException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/**
 * identity-service's internal user lookup ({@code GET /internal/users}), guarded by Resilience4j: a time limit
 * on each attempt, one retry of a failure that may pass (refused, timed out, 5xx), and a circuit breaker around
 * the whole, so a sick identity-service is left alone for a while instead of being asked by every request.
 *
 * <p>Three answers only: the user, empty when identity-service says there is no such user, or 503
 * {@code service.unavailable} for anything else (down, slow, open circuit, an answer it should not give). Never a
 * "not found" it did not say: a 404 counts as "no such user" only with identity's {@code user.not-found} code, so
 * a wrong URL or an identity-service without this endpoint is "unavailable", not a false 404.
 */
public class IdentityClient {

    static final String SERVICE_TOKEN_HEADER = "Bantam-Service-Token";
    static final String USER_NOT_FOUND = "user.not-found";
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(IdentityClient.class);

    private final WebClient web;
    private final TimeLimiter timeLimiter;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    public IdentityClient(WebClient web, TimeLimiter timeLimiter, Retry retry, CircuitBreaker circuitBreaker) {
        this.web = web;
        this.timeLimiter = timeLimiter;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
    }

    /** The user with that email (identity-service compares it case-insensitively); empty when there is none. */
    public Mono<UserProfile> findByEmail(String email) {
        return lookup(uri -> uri.path("/internal/users").queryParam("email", "{email}").build(email));
    }

    /** The user with that id; empty when there is none. */
    public Mono<UserProfile> findById(UUID id) {
        return lookup(uri -> uri.path("/internal/users/{id}").build(id));
    }

    private Mono<UserProfile> lookup(Function<UriBuilder, URI> uri) {
        Mono<IdentityUser> attempt = web.get().uri(uri)
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(IdentityClient::read)
                .transformDeferred(TimeLimiterOperator.of(timeLimiter));
        return attempt
                .transformDeferred(RetryOperator.of(retry))
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .map(IdentityClient::toProfile)
                .onErrorMap(failure -> !(failure instanceof ApiException), IdentityClient::unavailable);
    }

    private static Mono<IdentityUser> read(ClientResponse response) {
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(IdentityUser.class);
        }
        if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
            return response.bodyToMono(Problem.class)
                    .filter(problem -> USER_NOT_FOUND.equals(problem.code()))
                    .hasElement()
                    .onErrorReturn(false)
                    .flatMap(noSuchUser -> noSuchUser ? Mono.<IdentityUser>empty()
                            : Mono.error(new IllegalStateException("identity-service answered 404 without "
                                    + USER_NOT_FOUND + ": not the lookup endpoint")));
        }
        return response.createError();
    }

    /** The one member of identity-service's problem body that matters here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String code) {
    }

    private static UserProfile toProfile(IdentityUser user) {
        try {
            return user.toProfile();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("identity-service answered a user that is not whole", e);
        }
    }

    /** A failure that may pass by the next attempt: the connection, a timeout, or identity-service's own 5xx. */
    static boolean isTransient(Throwable failure) {
        if (failure instanceof WebClientResponseException response) {
            return response.getStatusCode().is5xxServerError();
        }
        return failure instanceof WebClientRequestException || failure instanceof TimeoutException;
    }

    /** What went wrong, without the request's URI: it carries the email looked up. */
    static String describe(Throwable failure) {
        if (failure instanceof WebClientResponseException response) {
            return "identity-service answered " + response.getStatusCode().value();
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static ApiException unavailable(Throwable failure) {
        if (failure instanceof WebClientResponseException response
                && (response.getStatusCode().value() == 401 || response.getStatusCode().value() == 403)) {
            log.error("identity-service refused this service's credential: BANTAM_INTERNAL_TOKEN must be one that"
                    + " identity-service accepts");
        } else if (failure instanceof CallNotPermittedException) {
            log.debug("identity lookup not tried: the circuit is open");
        } else {
            log.warn("identity lookup failed: {}", describe(failure));
        }
        return ApiException.unavailable("Client accounts cannot be looked up right now. Try again shortly.",
                RETRY_AFTER);
    }
}
