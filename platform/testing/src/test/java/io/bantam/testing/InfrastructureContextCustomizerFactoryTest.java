package io.bantam.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextCustomizer;

class InfrastructureContextCustomizerFactoryTest {

    private final InfrastructureContextCustomizerFactory factory = new InfrastructureContextCustomizerFactory();

    @Test
    void eachAnnotatedClassGetsItsOwnContext() {
        assertThat(customizer(First.class)).isEqualTo(customizer(First.class))
                .hasSameHashCodeAs(customizer(First.class))
                .isNotEqualTo(customizer(Second.class));
    }

    @Test
    void theAnnotationIsInherited() {
        assertThat(customizer(SubclassOfFirst.class))
                .isEqualTo(new InfrastructureContextCustomizer(SubclassOfFirst.class, true, true));
    }

    @Test
    void nestedClassesShareTheirEnclosingClassContext() {
        assertThat(customizer(First.Inner.class)).isEqualTo(customizer(First.class));
    }

    @Test
    void classesWithoutAnnotationsAreLeftAlone() {
        assertThat(customizer(Plain.class)).isNull();
        assertThat(customizer(OnlyKafka.class))
                .isEqualTo(new InfrastructureContextCustomizer(OnlyKafka.class, false, true));
    }

    private ContextCustomizer customizer(Class<?> testClass) {
        return factory.createContextCustomizer(testClass, List.of());
    }

    @WithPostgres
    @WithKafka
    static class First {
        @Nested
        class Inner {
        }
    }

    static class SubclassOfFirst extends First {
    }

    @WithPostgres
    static class Second {
    }

    @WithKafka
    static class OnlyKafka {
    }

    static class Plain {
    }
}
