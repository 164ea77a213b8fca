package io.bantam.service.patch;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Merge-patch request members for every service: {@link PatchModule} in the JSON mapper (Spring Boot adds every
 * {@code JacksonModule} bean) and, where springdoc documents the API, {@code Patch<T>} documented as {@code T}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class PatchAutoConfiguration {

    @Bean
    PatchModule bantamPatchModule() {
        return new PatchModule();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.swagger.v3.core.converter.ModelConverter")
    static class Documentation {

        @Bean
        PatchModelConverter bantamPatchModelConverter() {
            return new PatchModelConverter();
        }
    }
}
