package org.nqpf.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The packages' layering (docs/ARCHITECTURE.md) as ArchUnit rules over the packages under a root:
 * {@code org.nqpf} for the code, a package of deliberately bad classes for the test of the rules.
 */
final class Layering {
  /** The packages above the model: none of them may be imported by it. */
  static final List<String> ABOVE_MODEL =
      List.of("cli", "gui", "report", "experiment", "validation", "calibration", "bench", "verify");

  private Layering() {}

  /** The model imports nothing above it: only config, stats and itself of the project's packages. */
  static ArchRule modelImportsNothingAboveIt(String root) {
    return noClasses().that().resideInAPackage(root + ".model..").should().dependOnClassesThat()
        .resideInAnyPackage(ABOVE_MODEL.stream().map(p -> root + "." + p + "..").toArray(String[]::new))
        .as("the model imports nothing above it (" + String.join(", ", ABOVE_MODEL) + ")");
  }

  /** The model draws nothing: no Swing, AWT windows, MASON display or portrayal, JFreeChart. */
  static ArchRule modelDrawsNothing(String root) {
    return noClasses().that().resideInAPackage(root + ".model..").should().dependOnClassesThat()
        .resideInAnyPackage("javax.swing..", "sim.display..", "sim.portrayal..", "org.jfree..")
        .as("the model imports no Swing, sim.display, sim.portrayal or JFreeChart");
  }

  /** The statistics floor imports the JDK, Commons Math and itself only. */
  static ArchRule statsImportsOnlyJdkAndCommonsMath(String root) {
    return classes().that().resideInAPackage(root + ".stats..").should().onlyDependOnClassesThat()
        .resideInAnyPackage(root + ".stats..", "java..", "org.apache.commons.math3..")
        .as("stats imports only the JDK and Commons Math");
  }

  /** The configuration imports no other package of the project. */
  static ArchRule configImportsNoOtherPackage(String root) {
    return noClasses().that().resideInAPackage(root + ".config..").should().dependOnClassesThat()
        .resideOutsideOfPackages(root + ".config..", "java..", "com.fasterxml.jackson..", "org.yaml.snakeyaml..")
        .as("config imports only the JDK, Jackson and SnakeYAML");
  }

  /** No two packages import each other, directly or through others. */
  static ArchRule noPackageCycles(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles()
        .as("no cycles between the packages under " + root);
  }

  static List<ArchRule> all(String root) {
    return List.of(modelImportsNothingAboveIt(root), modelDrawsNothing(root), statsImportsOnlyJdkAndCommonsMath(root),
        configImportsNoOtherPackage(root), noPackageCycles(root));
  }
}
