package io.bantam.service.testsupport;

import io.bantam.service.security.JwtValidation;
import io.bantam.testing.TestTokens;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * For a service's tests: verifies {@link TestTokens} with the production validators instead of fetching
 * identity-service's JWKS. Import it ({@code @Import(TestSecurity.class)}); service-defaults' own decoder backs off.
 * Shipped in service-defaults' test jar.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurity {

    @Bean
    ReactiveJwtDecoder testJwtDecoder() throws Exception {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(TestTokens.KEY.toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(JwtValidation.validator(TestTokens.ISSUER, TestTokens.AUDIENCE));
        return decoder;
    }
}
