package io.bantam.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds the database and broker properties to a test's context, as the highest-precedence property
 * source. Equal only for the same test class, so every class gets its own context and its own
 * database; the database is created when the context is built, not when the class is merely seen.
 */
record InfrastructureContextCustomizer(Class<?> testClass, boolean postgres, boolean kafka) implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "bantamTestInfrastructure";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties()));
    }

    Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (postgres) {
            properties.putAll(TestInfrastructure.newDatabase(testClass.getSimpleName()).springProperties());
        }
        if (kafka) {
            properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers());
        }
        return properties;
    }
}
