package io.bantam.relationship;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain stays plain Java, so its rules are tested in microseconds; rows stay in persistence. */
@AnalyzeClasses(packages = "io.bantam.relationship", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "reactor..", "io.r2dbc..", "tools.jackson..", "com.fasterxml..",
                    "jakarta..", "org.apache.kafka..", "io.github.resilience4j..")
            .because("domain rules are plain Java, tested without a container");

    @ArchTest
    static final ArchRule domainDependsOnNothingOfTheService = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..persistence..", "..identity..")
            .orShould().dependOnClassesThat().haveNameMatching("io\\.bantam\\.relationship\\.[a-z]+\\.[A-Z].*");

    @ArchTest
    static final ArchRule webDoesNotTouchPersistence = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..persistence..")
            .because("endpoints answer with response records, never rows");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().notBePublic();
}
