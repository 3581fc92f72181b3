package org.mailledger.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeftoversTest {

  @Test
  void aDatabaseOfThisJvmIsNotAnOrphan() {
    assertThat(Leftovers.orphaned("mltest_" + ProcessHandle.current().pid() + "_abcdef012345"))
        .isFalse();
  }

  @Test
  void aDatabaseOfAGoneProcessIsAnOrphan() {
    assertThat(Leftovers.orphaned("mltest_999999999_abcdef012345")).isTrue();
  }

  @Test
  void aNameWithoutPidIsLeftAlone() {
    assertThat(Leftovers.orphaned("mltest_0123456789abcdef")).isFalse();
  }

  @Test
  void createdDatabasesCarryThePid() {
    assertThat(TestDatabases.postgres().database())
        .startsWith("mltest_" + ProcessHandle.current().pid() + "_");
  }

  @Test
  void databasesOfThisRunAreKeptForTheChecksAfterTheSuite() {
    String run = TestRun.id().orElseThrow();
    assertThat(TestDatabases.postgres().database()).endsWith("_r" + run);
    assertThat(TestRun.ownsDatabase("mltest_999999999_abcdef012345_r" + run)).isTrue();
    assertThat(TestRun.ownsDatabase("mltest_999999999_abcdef012345_r1" + run)).isFalse();
    assertThat(TestRun.ownsDatabase("mltest_999999999_abcdef012345")).isFalse();
  }
}
