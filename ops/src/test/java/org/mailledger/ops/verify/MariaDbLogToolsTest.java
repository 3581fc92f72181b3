package org.mailledger.ops.verify;

import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;

/** The log tools with the lookup tables on MariaDB, the log on PostgreSQL. */
class MariaDbLogToolsTest extends LogToolsTest {

  @Override
  TestDatabase newLookup() {
    return TestDatabases.mysql();
  }
}
