package io.bantam.booking.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The scheduling rules (time, availability, bookings) are plain Java: no Spring, no Reactor, no database, no
 * platform; they are tested in microseconds and read without a framework in mind.
 */
@AnalyzeClasses(packages = "io.bantam.booking", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainIsPlainJavaTest {

    @ArchTest
    static final ArchRule domainHasNoFramework = noClasses()
            .that().resideInAnyPackage("..domain..", "io.bantam.booking.time..")
            .should().dependOnClassesThat(resideInAnyPackage(
                    "org.springframework..", "reactor..", "io.r2dbc..", "org.apache.kafka..", "io.micrometer..",
                    "tools.jackson..", "com.fasterxml..", "jakarta..", "io.bantam.service..", "io.bantam.events..")
                    // the shared partial-update type is plain Java
                    .and(not(resideInAPackage("io.bantam.service.patch.."))));

    @ArchTest
    static final ArchRule domainDoesNotReachOutward = noClasses()
            .that().resideInAnyPackage("..domain..", "io.bantam.booking.time..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..persistence..");

    @ArchTest
    static final ArchRule rowsStayInPersistence = noClasses()
            .that().resideOutsideOfPackage("..persistence..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Row");
}
