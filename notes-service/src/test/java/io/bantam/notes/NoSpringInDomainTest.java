package io.bantam.notes;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.bantam.notes.note.Note;
import io.bantam.notes.note.NoteFilter;
import io.bantam.notes.note.NotePosition;

/** Notes are plain CRUD in one flat package; still, what a note is and how notes are ordered is plain Java. */
@AnalyzeClasses(packages = "io.bantam.notes", importOptions = ImportOption.DoNotIncludeTests.class)
class NoSpringInDomainTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that()
            .belongToAnyOf(Note.class, NotePosition.class, NoteFilter.class)
            .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "reactor..", "io.r2dbc..",
                    "io.bantam.service..", "tools.jackson..", "jakarta..")
                    // the shared partial-update type is plain Java
                    .and(not(resideInAPackage("io.bantam.service.patch.."))));
}
