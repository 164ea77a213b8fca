package io.bantam.service.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.bantam.service.security.Role;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;

/**
 * The layering every service keeps (DESIGN.md), written once. A service applies them with
 * <pre>{@code
 * @AnalyzeClasses(packages = "io.bantam.<service>",
 *         importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureRules.WithoutAotCode.class})
 * class ArchitectureTest {
 *     @ArchTest
 *     static final ArchTests shared = ArchTests.in(ArchitectureRules.class);
 * }
 * }</pre>
 * and adds its own rules beside them (e.g. a domain that is not in a {@code domain} package).
 */
public final class ArchitectureRules {

    /**
     * Leaves out the code Spring AOT generates at build time ({@code Foo__BeanDefinitions},
     * {@code FooApplication__BeanFactoryRegistrations}...): it wires every bean of the service, so it reaches every
     * feature by design. It is in {@code target/classes} after a build that packaged the service (process-aot runs
     * before the jar is made), and would otherwise break the rules below on the next test run.
     */
    public static final class WithoutAotCode implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("__");
        }
    }

    /** What domain code must not use: frameworks, events, the platform but for its plain-Java types (Patch, Role). */
    public static final DescribedPredicate<JavaClass> FRAMEWORKS = resideInAnyPackage(
            "org.springframework..", "reactor..", "io.r2dbc..", "org.apache.kafka..", "io.micrometer..",
            "tools.jackson..", "com.fasterxml..", "jakarta..", "com.nimbusds..", "io.github.resilience4j..",
            "io.bantam.service..", "io.bantam.events..")
            .and(not(resideInAPackage("io.bantam.service.patch..")))
            .and(not(type(Role.class)));

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat(FRAMEWORKS)
            .because("domain rules are plain Java, tested in microseconds without a container")
            .allowEmptyShould(true);  // a flat service (notes) names its plain-Java classes in a rule of its own

    @ArchTest
    static final ArchRule domainDoesNotReachOutward = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..persistence..")
            // nor the service's beans (services, stores, clients, controllers) wherever they live
            .orShould().dependOnClassesThat().areMetaAnnotatedWith(Component.class)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule webDoesNotTouchPersistence = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..persistence..")
            .because("endpoints answer with response records, never rows")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule rowsStayInPersistence = noClasses()
            .that().resideOutsideOfPackage("..persistence..").and().haveSimpleNameNotEndingWith("Store")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Row")
            .because("rows are the stores' business; everything else works with domain records");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().notBePublic();

    /**
     * A feature ({@code io.bantam.<service>.<feature>..}) reaches another feature of its service only through
     * that feature's own beans, never into its {@code persistence} package: features that read each other's
     * stores end up importing each other (booking-service's availability and booking did). Part of the shared
     * set: a feature that needs another's data in its own query asks that feature for the fragment (relationship's
     * {@code ProfileJoin}).
     */
    @ArchTest
    public static final ArchRule FEATURES_KEEP_OUT_OF_EACH_OTHERS_PERSISTENCE = classes()
            .should(new ArchCondition<JavaClass>("reach only their own feature's persistence") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    String service = prefix(item.getPackageName(), 3);
                    String feature = prefix(item.getPackageName(), 4);
                    for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                        String target = dependency.getTargetClass().getPackageName();
                        boolean persistence = target.endsWith(".persistence") || target.contains(".persistence.");
                        if (persistence && prefix(target, 3).equals(service) && !prefix(target, 4).equals(feature)) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            })
            .because("a feature's tables are its own; others ask its beans");

    /** The first {@code parts} segments of a package name (all of it when it has fewer). */
    static String prefix(String packageName, int parts) {
        String[] segments = packageName.split("\\.");
        return segments.length <= parts ? packageName : String.join(".", java.util.Arrays.copyOf(segments, parts));
    }

    private ArchitectureRules() {
    }
}
