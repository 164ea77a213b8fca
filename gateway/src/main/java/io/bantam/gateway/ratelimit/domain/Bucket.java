package io.bantam.gateway.ratelimit.domain;

import java.util.Objects;

/**
 * One budget a request draws on: a policy and the key it is counted under ({@code writes:<user id>},
 * {@code auth:<address>}).
 */
public record Bucket(Policy policy, String key) {

    public Bucket {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(key, "key");
    }
}
