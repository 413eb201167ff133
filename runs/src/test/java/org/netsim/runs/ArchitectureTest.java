package org.netsim.runs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-way module rules of DESIGN.md, checked on the compiled main classes of every module (the runs module's
 * test class path holds them all: as class folders under {@code mvn test}, as the modules' jars under
 * {@code mvn verify}, so jars are imported too), so that breaking a rule fails {@code mvn verify}.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.netsim");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void importsSomething() {
        // guards against a vacuous pass if the class path changes
        org.junit.jupiter.api.Assertions.assertTrue(classes.size() > 20, "imported " + classes.size() + " classes");
    }

    @Test
    void precodingAndRadioAreFreeOfSimulationAndDisplay() {
        check(noClasses().that().resideInAnyPackage("org.netsim.precoding..", "org.netsim.radio..")
                .should().dependOnClassesThat().resideInAnyPackage("sim..", "javax.swing..", "org.jfree..")
                .because("precoding and radio are numerics usable without MASON or a display (DESIGN.md)"));
        check(noClasses().that().resideInAnyPackage("org.netsim.precoding..", "org.netsim.radio..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "java.awt outside java.awt.geom",
                        c -> c.getPackageName().startsWith("java.awt")
                                && !c.getPackageName().startsWith("java.awt.geom")))
                .because("only java.awt.geom is allowed in precoding and radio (DESIGN.md)"));
    }

    @Test
    void onlyLearnedPrecodersUseDjl() {
        check(noClasses().that().resideOutsideOfPackage("org.netsim.precoding.learned..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
                .because("DJL stays inside ..precoding.learned.. (DESIGN.md)"));
    }

    @Test
    void modulesDependOneWay() {
        check(noClasses().that().resideInAnyPackage("org.netsim.precoding..")
                .should().dependOnClassesThat().resideInAnyPackage("org.netsim.radio..", "org.netsim.simcore..",
                        "org.netsim.scenarios..", "org.netsim.visualization..", "org.netsim.runs.."));
        check(noClasses().that().resideInAnyPackage("org.netsim.radio..")
                .should().dependOnClassesThat().resideInAnyPackage("org.netsim.precoding..", "org.netsim.simcore..",
                        "org.netsim.scenarios..", "org.netsim.visualization..", "org.netsim.runs.."));
        check(noClasses().that().resideInAnyPackage("org.netsim.simcore..")
                .should().dependOnClassesThat().resideInAnyPackage("org.netsim.scenarios..",
                        "org.netsim.visualization..", "org.netsim.runs.."));
        check(noClasses().that().resideInAnyPackage("org.netsim.scenarios..")
                .should().dependOnClassesThat().resideInAnyPackage("org.netsim.visualization..", "org.netsim.runs.."));
        check(noClasses().that().resideInAnyPackage("org.netsim.visualization..")
                .should().dependOnClassesThat().resideInAnyPackage("org.netsim.scenarios..", "org.netsim.runs.."));
        // the examples are hosts of the plugin, above the library modules and below the command line
        check(noClasses().that().resideOutsideOfPackages("org.netsim.examples..", "org.netsim.runs..")
                .should().dependOnClassesThat().resideInAnyPackage("org.netsim.examples..")
                .because("only the command line runs the examples"));
        check(noClasses().that().resideInAnyPackage("org.netsim.examples..")
                .should().dependOnClassesThat().resideInAnyPackage("org.netsim.runs.."));
    }

    @Test
    void examplesAreImported() {
        // the module rules above would pass vacuously if the examples were missing from the class path
        org.junit.jupiter.api.Assertions.assertFalse(classes.that(com.tngtech.archunit.core.domain.JavaClass
                .Predicates.resideInAPackage("org.netsim.examples..")).isEmpty(), "no example class imported");
    }

    @Test
    void simulationCoreIsHeadless() {
        check(noClasses().that().resideInAnyPackage("org.netsim.simcore..")
                .should().dependOnClassesThat().resideInAnyPackage("sim.display..", "sim.portrayal..",
                        "javax.swing..", "org.jfree..")
                .because("the model never imports display code; the GUI is a separate class (DESIGN.md)"));
    }

    @Test
    void playbackModelAndViewsAreHeadless() {
        check(noClasses().that().resideInAnyPackage("org.netsim.visualization.playback..",
                        "org.netsim.visualization.view..")
                .should().dependOnClassesThat().resideInAnyPackage("sim.display..", "sim.portrayal..",
                        "javax.swing..", "org.netsim.visualization.display..")
                .because("TracePlayback is a model like NetworkSimulation; PlaybackWithUI is its display (DESIGN.md)"));
    }

    @Test
    void modelsNeverWriteFiles() {
        check(noClasses().that().resideInAnyPackage("org.netsim.precoding..", "org.netsim.radio..",
                        "org.netsim.simcore..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileWriter")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.PrintStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
                .because("models return values or publish events; runs and visualization do I/O (DESIGN.md)"));
    }

    @Test
    void noUnseededRandomness() {
        check(noClasses().should().callMethod(Math.class, "random")
                .orShould().callConstructor(java.util.Random.class)
                .orShould().callConstructor(java.util.Random.class, long.class)
                .because("every draw comes from a named sub-stream of the run's root seed (DESIGN.md)"));
    }
}
