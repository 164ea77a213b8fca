package io.bantam.gateway.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param strictTransportSecurity the {@code Strict-Transport-Security} value of every answer; empty sends none.
 *     Browsers heed it only on HTTPS (the ingress terminates TLS and passes it on) and ignore it on plain HTTP,
 *     so local runs are not affected.
 */
@ConfigurationProperties("bantam.gateway.headers")
public record SecurityHeadersProperties(
        @DefaultValue("max-age=31536000; includeSubDomains") String strictTransportSecurity) {
}
