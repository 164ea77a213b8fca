package io.bantam.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds Bantam's shared defaults (probes, metrics, tracing, JSON logs, Kafka producer safety, limits) as the
 * lowest-precedence property source, so each service's application.yml stays short and can still override
 * any of them.
 */
public class BantamDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE = "bantam/service-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource("bantamServiceDefaults", new ClassPathResource(SOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
