package io.bantam.task;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The task rules (order, filters, changes, due dates) are plain Java: no Spring, no Reactor, no database. */
@AnalyzeClasses(packages = "io.bantam.task", importOptions = ImportOption.DoNotIncludeTests.class)
class NoSpringInDomainTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "reactor..", "io.r2dbc..",
                    "io.bantam.service..", "tools.jackson..", "jakarta..")
                    // the shared partial-update type is plain Java
                    .and(not(resideInAPackage("io.bantam.service.patch.."))));
}
