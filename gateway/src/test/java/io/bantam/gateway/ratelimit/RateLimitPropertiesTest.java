package io.bantam.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bantam.gateway.ratelimit.RateLimitProperties.Rate;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The policies as operators set them: environment variables, mapped by Spring's relaxed binding. */
class RateLimitPropertiesTest {

    static RateLimitProperties fromEnvironment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("bantam.gateway.rate-limits", RateLimitProperties.class);
    }

    @Test
    void theDefaultsAreTheDocumentedPolicies() {
        RateLimitProperties defaults = fromEnvironment(Map.of());

        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.writes()).isEqualTo(new Rate(120, 60));
        assertThat(defaults.auth()).isEqualTo(new Rate(30, 20));
        assertThat(defaults.connect()).isEqualTo(new Rate(1, 20));
        assertThat(defaults.lookups()).isEqualTo(new Rate(30, 20));
        assertThat(defaults.timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(defaults.trustedProxies()).isEmpty();
    }

    @Test
    void environmentVariablesSetEveryPolicy() {
        RateLimitProperties properties = fromEnvironment(Map.of(
                "BANTAM_GATEWAY_RATELIMITS_ENABLED", "false",
                "BANTAM_GATEWAY_RATELIMITS_WRITES_PERMINUTE", "6000",
                "BANTAM_GATEWAY_RATELIMITS_WRITES_BURST", "3000",
                "BANTAM_GATEWAY_RATELIMITS_AUTH_PERMINUTE", "600",
                "BANTAM_GATEWAY_RATELIMITS_AUTH_BURST", "400",
                "BANTAM_GATEWAY_RATELIMITS_CONNECT_PERMINUTE", "60",
                "BANTAM_GATEWAY_RATELIMITS_CONNECT_BURST", "100",
                "BANTAM_GATEWAY_RATELIMITS_TIMEOUT", "100ms",
                "BANTAM_GATEWAY_RATELIMITS_TRUSTEDPROXIES", "10.0.0.0/8,fd00::/8"));

        assertThat(properties.enabled()).isFalse();
        assertThat(properties.writes()).isEqualTo(new Rate(6000, 3000));
        assertThat(properties.auth()).isEqualTo(new Rate(600, 400));
        assertThat(properties.connect()).isEqualTo(new Rate(60, 100));
        assertThat(properties.timeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(properties.trustedProxies()).containsExactly("10.0.0.0/8", "fd00::/8");
    }

    @Test
    void oneHalfOfAPolicyKeepsTheOtherHalfsDefault() {
        RateLimitProperties properties = fromEnvironment(Map.of("BANTAM_GATEWAY_RATELIMITS_AUTH_BURST", "200"));

        assertThat(properties.auth()).isEqualTo(new Rate(30, 200));
    }

    @Test
    void nonsenseFailsTheStart() {
        assertThatThrownBy(() -> fromEnvironment(Map.of("BANTAM_GATEWAY_RATELIMITS_WRITES_BURST", "0")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fromEnvironment(Map.of("BANTAM_GATEWAY_RATELIMITS_TRUSTEDPROXIES", "ingress.local")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
