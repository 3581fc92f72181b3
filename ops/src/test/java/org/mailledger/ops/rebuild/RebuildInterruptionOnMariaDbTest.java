package org.mailledger.ops.rebuild;

import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;

/** Ctrl-C and kill -9 of {@code ops rebuild}, log on PostgreSQL, lookup tables on MariaDB. */
class RebuildInterruptionOnMariaDbTest extends RebuildInterruptionScenario {

  static final TestDatabase EVENT_STORE = TestDatabases.postgres();
  static final TestDatabase LOOKUP = TestDatabases.mysql();

  @Override
  TestDatabase eventStore() {
    return EVENT_STORE;
  }

  @Override
  TestDatabase lookup() {
    return LOOKUP;
  }
}
