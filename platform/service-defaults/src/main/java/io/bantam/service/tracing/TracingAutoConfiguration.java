package io.bantam.service.tracing;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * What a request leaves behind for following it: a log line in its trace and its trace id in the response. The
 * trace context itself comes from Spring Boot (Micrometer Tracing over OpenTelemetry, W3C propagation, see
 * {@code bantam/service-defaults.properties}).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class TracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RequestLogWebFilter requestLogWebFilter(ObjectProvider<Tracer> tracer) {
        return new RequestLogWebFilter(tracer.getIfAvailable());
    }
}
