package io.bantam.notes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.bantam.service.testsupport.ArchitectureRules;
import io.bantam.notes.note.Note;
import io.bantam.notes.note.NoteFilter;
import io.bantam.notes.note.NotePosition;

/** The layering every service keeps ({@link ArchitectureRules}). Notes are plain CRUD in one flat package; still,
 * what a note is and how notes are ordered is plain Java. */
@AnalyzeClasses(packages = "io.bantam.notes",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureRules.WithoutAotCode.class})
class ArchitectureTest {

    @ArchTest
    static final ArchTests shared = ArchTests.in(ArchitectureRules.class);

    @ArchTest
    static final ArchRule noteRulesArePlainJava = noClasses()
            .that().belongToAnyOf(Note.class, NotePosition.class, NoteFilter.class)
            .should().dependOnClassesThat(ArchitectureRules.FRAMEWORKS);
}
