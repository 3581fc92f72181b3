package org.mailledger.ops.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;
import org.mailledger.testsupport.architecture.PackageSlices;

/**
 * No package cycles inside a module ({@link PackageSlices}: the packages directly under its base
 * package, and the base package itself, so {@code OpsCommand} and its subcommands count too). A
 * cycle means two packages that cannot be understood, changed or moved one without the other;
 * ArchUnit lists each cycle with the dependencies that close it.
 */
class PackageCyclesTest {

  @Test
  void projectionHasNoPackageCycles() {
    slices()
        .assignedFrom(PackageSlices.under("org.mailledger.projection"))
        .should()
        .beFreeOfCycles()
        .because(
            "a layout, the lookup database, progress and rebuild must each be readable and"
                + " replaceable on its own (issue 14)")
        .check(MainClasses.MAILLEDGER);
  }

  @Test
  void opsHasNoPackageCycles() {
    slices()
        .assignedFrom(PackageSlices.under("org.mailledger.ops"))
        .should()
        .beFreeOfCycles()
        .because("each ops subcommand's package stands on its own")
        .check(MainClasses.MAILLEDGER);
  }
}
