package org.mailledger.ops.rebuild;

import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;

/** Ctrl-C and kill -9 of {@code ops rebuild}, log and lookup tables on PostgreSQL. */
class RebuildInterruptionOnPostgresTest extends RebuildInterruptionScenario {

  static final TestDatabase DATABASE = TestDatabases.postgres();

  @Override
  TestDatabase eventStore() {
    return DATABASE;
  }

  @Override
  TestDatabase lookup() {
    return DATABASE;
  }
}
