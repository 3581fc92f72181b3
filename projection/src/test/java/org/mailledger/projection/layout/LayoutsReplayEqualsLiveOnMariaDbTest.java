package org.mailledger.projection.layout;

import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** All three layouts with the lookup tables on MariaDB. */
class LayoutsReplayEqualsLiveOnMariaDbTest extends LayoutsReplayEqualsLiveTestBase {

  static final TestDatabase EVENT_STORE = TestDatabases.postgres();
  static final TestDatabase LOOKUP = TestDatabases.mysql();

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, EVENT_STORE);
    lookupIn(registry, LOOKUP);
  }

  @Override
  TestDatabase eventStoreDatabase() {
    return EVENT_STORE;
  }

  @Override
  long seed() {
    return 20261125L;
  }

  @Override
  int commands() {
    return 400;
  }
}
