package io.bantam.testing;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Turns {@link WithPostgres} and {@link WithKafka} on a test class into properties of its
 * application context. Registered in {@code META-INF/spring.factories}.
 */
public final class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        boolean postgres = TestContextAnnotationUtils.findMergedAnnotation(testClass, WithPostgres.class) != null;
        boolean kafka = TestContextAnnotationUtils.findMergedAnnotation(testClass, WithKafka.class) != null;
        if (!postgres && !kafka) {
            return null;
        }
        return new InfrastructureContextCustomizer(owningClass(testClass), postgres, kafka);
    }

    /** A {@code @Nested} class shares its enclosing class's context and database. */
    private static Class<?> owningClass(Class<?> testClass) {
        Class<?> owner = testClass;
        while (TestContextAnnotationUtils.searchEnclosingClass(owner)) {
            owner = owner.getEnclosingClass();
        }
        return owner;
    }
}
