package io.bantam.gateway.ratelimit;

import io.bantam.gateway.ratelimit.domain.Bucket;
import io.bantam.gateway.ratelimit.domain.Policies;
import io.bantam.gateway.ratelimit.domain.Verdict;
import io.bantam.service.address.ClientAddresses;
import io.bantam.service.problem.ApiException;
import io.bantam.service.problem.ProblemResponses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits requests before they are routed: after Spring Security (which has checked the token, so the user is
 * known), before the gateway's routing handler, so a refused request never reaches a service. A refusal is
 * 429 {@code rate-limited} with {@code Retry-After}; an allowed request carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} of its strictest policy.
 *
 * <p>A WebFilter rather than Spring Cloud Gateway's {@code RequestRateLimiter}: that one is a per-route filter
 * whose refusal is a bare 429 without a problem body, and it has one key per route; here the policies cut across
 * routes (every write, whatever the service) and a request may draw on two budgets.
 */
class RateLimitFilter implements WebFilter, Ordered {

    /** After Spring Security's filter chain (order -100), before routing (the handler, after every filter). */
    static final int ORDER = 0;

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final Policies policies;
    private final ClientAddresses clientAddresses;
    private final RateLimiter limiter;
    private final ProblemResponses problems;

    RateLimitFilter(Policies policies, ClientAddresses clientAddresses, RateLimiter limiter,
            ProblemResponses problems) {
        this.policies = policies;
        this.clientAddresses = clientAddresses;
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String method = request.getMethod().name();
        String path = request.getPath().pathWithinApplication().value();
        if (policies.isSecretLookup(path)) {
            return failedLookups(exchange, chain, policies.failedLookups(client(request)));
        }
        if (!policies.mayLimit(method, path)) {
            return chain.filter(exchange);  // reads, health, static files
        }
        return exchange.getPrincipal()
                .map(RateLimitFilter::user)
                .defaultIfEmpty(Optional.empty())
                .flatMap(user -> {
                    List<Bucket> buckets = policies.bucketsFor(method, path, user.orElse(null), client(request));
                    if (buckets.isEmpty()) {
                        return chain.filter(exchange);
                    }
                    return limiter.check(buckets).flatMap(verdict -> {
                        if (verdict.isEmpty()) {
                            return chain.filter(exchange);  // unchecked: the limiter's database is away
                        }
                        describe(verdict.get(), exchange.getResponse().getHeaders());
                        if (verdict.get().allowed()) {
                            return chain.filter(exchange);
                        }
                        return problems.write(exchange, ApiException.rateLimited(
                                "Too many requests. Try again in " + verdict.get().retryAfter().toSeconds()
                                        + " seconds.", verdict.get().retryAfter()));
                    });
                });
    }

    /**
     * A look-up of a secret address: refused while the client's failed look-ups have spent their budget; one that
     * fails (404) takes from it before its answer is sent, so the client's next look-up already sees it spent, and
     * the 404 says what is left ({@code RateLimit-Remaining}).
     */
    private Mono<Void> failedLookups(ServerWebExchange exchange, WebFilterChain chain, Bucket bucket) {
        return limiter.peek(bucket).flatMap(verdict -> {
            if (verdict.isPresent() && !verdict.get().allowed()) {
                describe(verdict.get(), exchange.getResponse().getHeaders());
                return problems.write(exchange, ApiException.rateLimited(
                        "Too many unknown addresses. Try again in " + verdict.get().retryAfter().toSeconds()
                                + " seconds.", verdict.get().retryAfter()));
            }
            exchange.getResponse().beforeCommit(() -> {
                HttpStatusCode status = exchange.getResponse().getStatusCode();
                if (status == null || status.value() != 404) {
                    return Mono.empty();
                }
                return limiter.check(List.of(bucket))
                        .doOnNext(spent -> spent.ifPresent(v -> describe(v, exchange.getResponse().getHeaders())))
                        .then();
            });
            return chain.filter(exchange);
        });
    }

    private static Optional<String> user(Principal principal) {
        if (principal instanceof JwtAuthenticationToken token) {
            return Optional.ofNullable(token.getToken().getSubject());
        }
        return Optional.empty();
    }

    private InetAddress client(ServerHttpRequest request) {
        InetSocketAddress peer = request.getRemoteAddress();
        return clientAddresses.client(peer == null ? null : peer.getAddress(),
                request.getHeaders().getOrEmpty(X_FORWARDED_FOR)).orElse(null);
    }

    private static void describe(Verdict verdict, HttpHeaders headers) {
        headers.set(LIMIT, Integer.toString(verdict.policy().burst()));
        headers.set(REMAINING, Long.toString(verdict.remaining()));
        headers.set(RESET, Long.toString(verdict.resetSeconds()));
    }
}
