package io.bantam.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring test class at a real Kafka broker ({@code spring.kafka.bootstrap-servers}).
 *
 * <p>The broker starts once per JVM and is shared; tests keep apart by using their own topics or
 * consumer groups.
 *
 * @see TestInfrastructure#kafkaBootstrapServers()
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithKafka {
}
