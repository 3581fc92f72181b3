package org.mailledger.projection.rebuild;

import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The postfixadmin rebuild beside the event store on PostgreSQL: renames in one transaction. */
class PostfixAdminRebuildOnPostgresTest extends PostfixAdminRebuildScenario {

  static final TestDatabase DATABASE = TestDatabases.postgres();

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, DATABASE);
  }

  @Override
  long seed() {
    return 20261204L;
  }

  @Override
  int commands() {
    return 2000;
  }
}
