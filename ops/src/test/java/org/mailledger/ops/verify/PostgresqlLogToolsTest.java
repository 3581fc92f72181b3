package org.mailledger.ops.verify;

import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;

/** The log tools with the lookup tables beside the log on PostgreSQL. */
class PostgresqlLogToolsTest extends LogToolsTest {

  @Override
  TestDatabase newLookup() {
    return TestDatabases.postgres();
  }
}
