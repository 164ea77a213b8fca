package io.bantam.service.tracing;

import io.bantam.service.testapp.TestApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Production's case for most requests: not sampled (no span is recorded or exported), yet the trace id travels and
 * is logged everywhere. KafkaTemplate observation off, as service-defaults leaves it.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "bantam.security.public-paths=/traced/**",
                "management.tracing.sampling.probability=0.0",
                "trace-test.group=unsampled"})
class UnsampledTraceContextIT extends TraceContextScenarios {

    @Override
    String flags() {
        return "00";
    }
}
