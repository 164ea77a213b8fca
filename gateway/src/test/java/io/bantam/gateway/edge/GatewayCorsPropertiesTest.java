package io.bantam.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The allowed origins come from the environment the way deployments set them. */
class GatewayCorsPropertiesTest {

    @Test
    void theEnvironmentVariableGivesACommaSeparatedListOfOrigins() {
        CorsProperties properties = bind(Map.of(
                "BANTAM_GATEWAY_CORS_ALLOWEDORIGINS", "https://bantam.example.com,http://localhost:5173"));

        assertThat(properties.allowedOrigins()).containsExactly("https://bantam.example.com", "http://localhost:5173");
    }

    @Test
    void withoutItTheViteDevServerIsTheOneOrigin() {
        CorsProperties properties = bind(Map.of());

        assertThat(properties.allowedOrigins()).containsExactly("http://localhost:5173");
        assertThat(properties.maxAge()).isEqualTo(Duration.ofHours(1));
    }

    private static CorsProperties bind(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bindOrCreate("bantam.gateway.cors", CorsProperties.class);
    }
}
