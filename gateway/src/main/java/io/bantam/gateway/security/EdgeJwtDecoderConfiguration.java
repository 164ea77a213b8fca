package io.bantam.gateway.security;

import io.bantam.service.security.BantamSecurityProperties;
import io.bantam.service.security.JwtValidation;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * service-defaults' token rules (RS256, {@link JwtValidation}) with a JWKS client that cannot hang: without
 * timeouts, a token checked while identity-service accepts connections but does not answer would keep the
 * request waiting for ever. A failed fetch answers 503 {@code service.unavailable}.
 *
 * <p>Replaces service-defaults' decoder (which backs off when one is defined); to be deleted once
 * service-defaults gives its own JWKS client these timeouts.
 */
@Configuration(proxyBeanMethods = false)
class EdgeJwtDecoderConfiguration {

    static final Duration JWKS_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration JWKS_TIMEOUT = Duration.ofSeconds(3);

    @Bean
    ReactiveJwtDecoder edgeJwtDecoder(BantamSecurityProperties properties) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(JWKS_CONNECT_TIMEOUT.toMillis()))
                .responseTimeout(JWKS_TIMEOUT);
        WebClient jwksClient = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .filter((request, next) -> next.exchange(request).timeout(JWKS_TIMEOUT))
                .build();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwt().jwksUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .webClient(jwksClient)
                .build();
        decoder.setJwtValidator(JwtValidation.validator(properties.jwt().issuer(), properties.jwt().audience()));
        return decoder;
    }
}
