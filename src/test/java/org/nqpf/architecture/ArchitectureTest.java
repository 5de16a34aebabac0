package org.nqpf.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nqpf.model.EcosystemModel;

/**
 * The layering of docs/ARCHITECTURE.md holds for the code, and each of its rules fails on the
 * fixture's deliberately bad classes ({@code org.nqpf.architecture.fixture}), so a rule that
 * stopped seeing anything would be caught.
 */
class ArchitectureTest {
  private static final String ROOT = "org.nqpf";
  private static final String FIXTURE = "org.nqpf.architecture.fixture";

  /**
   * The main classes, read from where the model's class was loaded (target/classes, or wherever
   * {@code -DbuildDir} puts them), so that no test class is taken for code whatever the build folder.
   */
  private static final JavaClasses CODE = new ClassFileImporter().importPath(mainClasses());
  private static final JavaClasses BAD = new ClassFileImporter().importPackages(FIXTURE);

  private static Path mainClasses() {
    try {
      return Path.of(EcosystemModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the main classes", e);
    }
  }

  @Test
  void theCodeKeepsEveryRule() {
    assertThat(CODE.contain(ArchitectureTest.class)).isFalse();
    assertThat(CODE.containPackage(ROOT + ".model")).isTrue();
    assertThat(CODE.containPackage(ROOT + ".stats")).isTrue();
    for (ArchRule rule : Layering.all(ROOT)) {
      EvaluationResult result = rule.evaluate(CODE);
      assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }
  }

  @Test
  void aModelImportingTheGuiOrAReportFails() {
    assertViolates(Layering.modelImportsNothingAboveIt(FIXTURE), "fixture.model.Drawn", "fixture.gui.Display");
    assertViolates(Layering.modelImportsNothingAboveIt(FIXTURE), "fixture.model.Drawn", "fixture.report.Table");
  }

  @Test
  void aModelImportingSwingFails() {
    assertViolates(Layering.modelDrawsNothing(FIXTURE), "fixture.model.Drawn", "javax.swing.JPanel");
  }

  @Test
  void statsImportingTheModelFails() {
    assertViolates(Layering.statsImportsOnlyJdkAndCommonsMath(FIXTURE), "fixture.stats.Estimator", "fixture.model.Drawn");
  }

  @Test
  void twoPackagesImportingEachOtherFail() {
    assertViolates(Layering.noPackageCycles(FIXTURE), "fixture.report.Table", "fixture.validation.Check");
  }

  private static void assertViolates(ArchRule rule, String... named) {
    EvaluationResult result = rule.evaluate(BAD);
    assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    assertThat(result.getFailureReport().toString()).contains(named);
  }
}
