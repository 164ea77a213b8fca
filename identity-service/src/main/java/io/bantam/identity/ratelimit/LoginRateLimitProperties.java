package io.bantam.identity.ratelimit;

import io.bantam.identity.ratelimit.domain.FixedWindow;
import io.bantam.service.address.AddressRange;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login throttling.
 *
 * @param perEmail attempts per email address (any client) and window; default 10 per 15 minutes
 * @param perAddress attempts per client address (any email) and window; default 50 per 15 minutes
 * @param trustedProxies addresses or CIDR ranges whose {@code X-Forwarded-For} is believed (the gateway);
 *     default loopback only
 */
@ConfigurationProperties("bantam.identity.login-rate-limit")
public record LoginRateLimitProperties(Limit perEmail, Limit perAddress, List<String> trustedProxies) {

    public LoginRateLimitProperties {
        perEmail = perEmail == null ? new Limit(10, Duration.ofMinutes(15)) : perEmail;
        perAddress = perAddress == null ? new Limit(50, Duration.ofMinutes(15)) : perAddress;
        trustedProxies = trustedProxies == null ? List.of("127.0.0.0/8", "::1") : List.copyOf(trustedProxies);
        trustedProxies.forEach(AddressRange::parse);
    }

    public record Limit(int maxAttempts, Duration window) {

        public FixedWindow toWindow() {
            return new FixedWindow(maxAttempts, window);
        }
    }

    List<AddressRange> trustedProxyRanges() {
        return trustedProxies.stream().map(AddressRange::parse).toList();
    }
}
