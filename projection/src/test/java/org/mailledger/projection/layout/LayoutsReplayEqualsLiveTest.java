package org.mailledger.projection.layout;

import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** All three layouts beside the event store on PostgreSQL. */
class LayoutsReplayEqualsLiveTest extends LayoutsReplayEqualsLiveTestBase {

  static final TestDatabase DATABASE = TestDatabases.postgres();

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, DATABASE);
  }

  @Override
  TestDatabase eventStoreDatabase() {
    return DATABASE;
  }

  @Override
  long seed() {
    return 20261124L;
  }

  @Override
  int commands() {
    return 1000;
  }
}
