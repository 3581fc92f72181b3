package org.mailledger.testsupport.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The slicing on planted packages under {@code fixture}: each holds a cycle or none on purpose. */
class PackageSlicesTest {

  private static final String FIXTURE = "org.mailledger.testsupport.architecture.fixture";
  private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURE);

  private static EvaluationResult cyclesUnder(String pkg) {
    return slices()
        .assignedFrom(PackageSlices.under(FIXTURE + "." + pkg))
        .should()
        .beFreeOfCycles()
        .evaluate(CLASSES);
  }

  @Test
  void findsACycleBetweenSubpackages() {
    EvaluationResult result = cyclesUnder("cycle");

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString())
        .contains("Slice " + FIXTURE + ".cycle.a", "Slice " + FIXTURE + ".cycle.b");
  }

  @Test
  void findsACycleThroughTheBasePackage() {
    EvaluationResult result = cyclesUnder("top");

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString())
        .contains("Slice " + FIXTURE + ".top ", "Slice " + FIXTURE + ".top.sub");
  }

  @Test
  void aOneWayDependencyIsNoCycle() {
    assertThat(cyclesUnder("clean").hasViolation()).isFalse();
  }
}
