package io.bantam.identity;


import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.bantam.service.testsupport.ArchitectureRules;

/** The layering every service keeps ({@link ArchitectureRules}). */
@AnalyzeClasses(packages = "io.bantam.identity",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureRules.WithoutAotCode.class})
class ArchitectureTest {

    @ArchTest
    static final ArchTests shared = ArchTests.in(ArchitectureRules.class);
}
