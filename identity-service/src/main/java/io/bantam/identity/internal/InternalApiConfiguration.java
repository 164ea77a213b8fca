package io.bantam.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The internal API's guard; {@link InternalApiProperties} is bound by the application's properties scan. */
@Configuration(proxyBeanMethods = false)
class InternalApiConfiguration {

    /** The credential application.yml falls back to when {@code BANTAM_INTERNAL_TOKEN} is not set. */
    static final String LOCAL_DEFAULT = "bantam-local-internal-token";

    private static final Logger log = LoggerFactory.getLogger(InternalApiConfiguration.class);

    @Bean
    ServiceCredentialFilter serviceCredentialFilter(InternalApiProperties properties) {
        if (properties.serviceTokens().stream().map(String::strip).anyMatch(LOCAL_DEFAULT::equals)) {
            log.warn("The internal API accepts the local default service credential: set BANTAM_INTERNAL_TOKEN"
                    + " (from a Secret) wherever this runs beyond a developer's machine");
        }
        return new ServiceCredentialFilter(new ServiceCredentials(properties.serviceTokens()));
    }
}
