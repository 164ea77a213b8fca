package io.bantam.booking;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.bantam.service.testsupport.ArchitectureRules;

/**
 * The layering every service keeps ({@link ArchitectureRules}, features out of each other's persistence among them:
 * availability, booking and rules reach each other through their beans, never each other's stores), and the time
 * rules (local time, DST) as plain Java as the domain.
 */
@AnalyzeClasses(packages = "io.bantam.booking",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureRules.WithoutAotCode.class})
class ArchitectureTest {

    @ArchTest
    static final ArchTests shared = ArchTests.in(ArchitectureRules.class);

    @ArchTest
    static final ArchRule timeIsPlainJava = noClasses()
            .that().resideInAPackage("io.bantam.booking.time..")
            .should().dependOnClassesThat(ArchitectureRules.FRAMEWORKS)
            .orShould().dependOnClassesThat().resideInAnyPackage("..web..", "..persistence..");
}
