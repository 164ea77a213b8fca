package io.bantam.gateway.ratelimit.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one policy decided about one request, with what a client is told about it.
 *
 * @param allowed whether the request may go on
 * @param policy the policy that decided
 * @param remaining requests the caller could still make at once ({@code RateLimit-Remaining})
 * @param resetSeconds seconds until the budget is whole again ({@code RateLimit-Reset})
 * @param retryAfter when refused, how long until a request would be allowed ({@code Retry-After}); zero otherwise
 */
public record Verdict(boolean allowed, Policy policy, long remaining, long resetSeconds, Duration retryAfter) {

    public Verdict {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * The verdict a client is shown when several policies judged one request: the first refusal, else the
     * policy with the least left.
     */
    public static Verdict strictest(List<Verdict> verdicts) {
        if (verdicts.isEmpty()) {
            throw new IllegalArgumentException("no verdicts");
        }
        Verdict strictest = verdicts.get(0);
        for (Verdict verdict : verdicts) {
            if (!verdict.allowed()) {
                return verdict;
            }
            if (verdict.remaining() < strictest.remaining()) {
                strictest = verdict;
            }
        }
        return strictest;
    }
}
