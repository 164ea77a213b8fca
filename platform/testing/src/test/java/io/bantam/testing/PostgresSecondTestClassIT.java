package io.bantam.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@WithKafka
class PostgresSecondTestClassIT extends PostgresPerTestClassSupport {

    @Test
    void withKafkaPointsSpringAtTheBroker() {
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(TestInfrastructure.kafkaBootstrapServers());
    }
}
