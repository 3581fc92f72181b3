package org.mailledger.projection.rebuild;

import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The postfixadmin rebuild with the lookup tables on MariaDB: the swap as one RENAME TABLE. */
class PostfixAdminRebuildOnMariaDbTest extends PostfixAdminRebuildScenario {

  static final TestDatabase EVENT_STORE = TestDatabases.postgres();
  static final TestDatabase LOOKUP = TestDatabases.mysql();

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, EVENT_STORE);
    lookupIn(registry, LOOKUP);
  }

  @Override
  long seed() {
    return 20261205L;
  }

  @Override
  int commands() {
    return 2000;
  }
}
