package dev.inspector.domain.resolution;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine must run in a benchmark, a CLI or a test without JavaFX or a database on the path. */
class DomainPurityTest {

    private final JavaClasses domain = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.inspector.domain");

    @Test
    void domainDependsOnlyOnJavaAndItself() {
        classes().that().resideInAPackage("dev.inspector.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.inspector.domain..")
                .check(domain);
    }

    @Test
    void domainUsesNeitherJavaFxNorJooqNorJdbc() {
        noClasses().that().resideInAPackage("dev.inspector.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jooq..", "java.sql..")
                .check(domain);
    }
}
