package io.bantam.service.tracing;

import io.bantam.service.testapp.TestApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every request sampled, and KafkaTemplate observation on (a service may turn it on): its producer span nests in
 * the request's trace instead of replacing the relay's traceparent with a trace of its own.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "bantam.security.public-paths=/traced/**",
                "bantam.outbox.enabled=true",
                "management.tracing.sampling.probability=1.0",
                "spring.kafka.template.observation-enabled=true",
                "trace-test.group=sampled"})
class SampledTraceContextIT extends TraceContextScenarios {

    @Override
    String flags() {
        return "01";
    }
}
