package org.mailledger.projection.layout;

import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With the lookup tables on MariaDB. */
class DropInLayoutChangesOnMariaDbTest extends DropInLayoutChangesTestBase {

  static final TestDatabase EVENT_STORE = TestDatabases.postgres();
  static final TestDatabase LOOKUP = TestDatabases.mysql();

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, EVENT_STORE);
    lookupIn(registry, LOOKUP);
  }
}
