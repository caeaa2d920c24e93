package dev.inspector.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering the brief asks for, checked on the compiled classes. */
@AnalyzeClasses(packages = "dev.inspector", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule domainIsPure = noClasses().that().resideInAPackage("dev.inspector.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jooq..", "java.sql..",
                    "dev.inspector.persistence..", "dev.inspector.service..", "dev.inspector.ui..");

    @ArchTest
    static final ArchRule generatedJooqStaysInPersistence = noClasses()
            .that().resideOutsideOfPackage("dev.inspector.persistence..")
            .should().dependOnClassesThat().resideInAPackage("dev.inspector.persistence.jooq..");

    @ArchTest
    static final ArchRule uiNeverTouchesRepositoriesOrJooq = noClasses().that().resideInAPackage("dev.inspector.ui..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .orShould().dependOnClassesThat().resideInAPackage("org.jooq..");

    /** The window reaches the database only through services: no persistence type, not even an exception. */
    @ArchTest
    static final ArchRule uiKnowsNoPersistence = noClasses().that().resideInAPackage("dev.inspector.ui..")
            .should().dependOnClassesThat().resideInAPackage("dev.inspector.persistence..");

    /** The other direction: nothing below the window reaches up into it or into the commands. */
    @ArchTest
    static final ArchRule lowerLayersKnowNoUiOrCommands = noClasses()
            .that().resideInAnyPackage("dev.inspector.domain..", "dev.inspector.persistence..", "dev.inspector.service..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.inspector.ui..", "dev.inspector.app..");

    /** Services may use persistence; persistence never calls back into the services that use it. */
    @ArchTest
    static final ArchRule persistenceKnowsNoServices = noClasses().that().resideInAPackage("dev.inspector.persistence..")
            .should().dependOnClassesThat().resideInAPackage("dev.inspector.service..");

    @ArchTest
    static final ArchRule viewModelsHoldNoNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..");

    @ArchTest
    static final ArchRule servicesAndPersistenceKnowNoJavaFx = noClasses()
            .that().resideInAnyPackage("dev.inspector.service..", "dev.inspector.persistence..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule noConsolePrintingInTheApplication = noClasses()
            .that().resideOutsideOfPackage("dev.inspector.app..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err");
}
