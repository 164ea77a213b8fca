package io.bantam.identity.key;

import io.bantam.service.security.BantamSecurityProperties;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The signing keys, and the decoder this service checks access tokens with: {@link LocalJwtDecoder}, over its
 * own keys (service-defaults' decoder, which fetches a JWKS over HTTP, backs off when this one exists).
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfiguration.class);

    static final String KEY_FILE = "identity/signing-key.pem";

    @Bean
    SigningKeys signingKeys(SigningProperties properties) {
        SigningKeys keys;
        if (!properties.keys().isEmpty()) {
            keys = SigningKeys.of(properties.keys().stream()
                    .map(key -> PemKeys.parse(key.privateKey(), key.id()))
                    .toList());
            log.info("Signing access tokens with configured key {}; publishing {}", keys.current().getKeyID(),
                    keys.ids());
        } else if (properties.dataDir() != null && !properties.dataDir().isBlank()) {
            Path file = Path.of(properties.dataDir(), KEY_FILE);
            keys = SigningKeyFile.loadOrCreate(file);
            log.info("Signing access tokens with key {} kept in {}", keys.current().getKeyID(), file);
        } else {
            keys = SigningKeys.generate();
            log.warn("No signing key configured and no data directory: signing with a key generated in memory ({});"
                    + " tokens will not survive a restart", keys.current().getKeyID());
        }
        return keys;
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SigningKeys keys, BantamSecurityProperties security) {
        return LocalJwtDecoder.create(keys, security.jwt().issuer(), security.jwt().audience());
    }
}
