package io.bantam.task;


import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.bantam.service.testsupport.ArchitectureRules;

/** The layering every service keeps ({@link ArchitectureRules}): the task rules (order, filters, changes, due dates) are plain Java. */
@AnalyzeClasses(packages = "io.bantam.task",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureRules.WithoutAotCode.class})
class ArchitectureTest {

    @ArchTest
    static final ArchTests shared = ArchTests.in(ArchitectureRules.class);
}
