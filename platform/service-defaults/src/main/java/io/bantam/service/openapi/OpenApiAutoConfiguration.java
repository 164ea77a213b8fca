package io.bantam.service.openapi;

import io.bantam.service.security.BantamSecurityProperties;
import io.bantam.service.security.CurrentUser;
import io.bantam.service.security.SecurityAutoConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Every service's OpenAPI document, made accurate and useful in one place instead of by annotations on every
 * controller: the service's title and description, the gateway as the one server, the bearer token scheme on
 * the operations that need a token, and the problem+json answers each operation can give
 * ({@link ApiConventions}). Only {@code /api/**} is documented (springdoc's paths-to-match, service-defaults
 * properties): internal endpoints, the JWKS and the actuator are not part of the public API.
 */
@AutoConfiguration(after = SecurityAutoConfiguration.class)
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(ApiDocumentProperties.class)
public class OpenApiAutoConfiguration {

    static {
        // filled in from the access token (CurrentUserArgumentResolver), never sent by a caller
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI bantamOpenApi(ApiDocumentProperties properties, Environment environment) {
        String name = environment.getProperty("spring.application.name", "service");
        String version = OpenApiAutoConfiguration.class.getPackage().getImplementationVersion();
        return new OpenAPI()
                .info(new Info()
                        .title(properties.title().isBlank() ? "Bantam " + name : properties.title())
                        .description(properties.description().isBlank() ? null : properties.description())
                        .version(version == null ? "dev" : version))
                // relative: the host the document was fetched from, which is the gateway (every /api path goes
                // through it) or, for a service's own document fetched directly, that service
                .servers(List.of(new Server().url("/").description("the gateway")))
                .components(new Components()
                        .addSecuritySchemes(ApiConventions.BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("An access token from POST /api/auth/signup, /login or /refresh.")));
    }

    @Bean
    OperationCustomizer bantamRefusals() {
        return new RefusalResponses();
    }

    @Bean
    OpenApiCustomizer bantamApiConventions(BantamSecurityProperties security) {
        return new ApiConventions(SecurityAutoConfiguration.publicPaths(security), security.protectedPaths());
    }
}
