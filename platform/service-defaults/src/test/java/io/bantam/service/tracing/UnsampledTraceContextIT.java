package io.bantam.service.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.service.testapp.TestApplication;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Production's case for most requests: not sampled (no span is recorded or exported), yet the trace id travels and
 * is logged everywhere. KafkaTemplate observation off, as service-defaults leaves it.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "bantam.security.public-paths=/traced/**",
                "bantam.outbox.enabled=true",
                "management.tracing.sampling.probability=0.0",
                "trace-test.group=unsampled"})
class UnsampledTraceContextIT extends TraceContextScenarios {

    @Autowired
    ApplicationContext context;

    @Override
    String flags() {
        return "00";
    }

    @Test
    void noSpanIsExportedUntilAnOperatorConfiguresAnEndpoint() {
        assertThat(context.getBeanProvider(SpanExporter.class).stream()).isEmpty();
    }
}
