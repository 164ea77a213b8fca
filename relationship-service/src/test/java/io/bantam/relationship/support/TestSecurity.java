package io.bantam.relationship.support;

import io.bantam.service.security.JwtValidation;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Verifies {@link TestTokens} instead of fetching identity-service's JWKS; the same validators as in production. */
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
