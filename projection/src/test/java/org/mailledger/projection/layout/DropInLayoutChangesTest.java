package org.mailledger.projection.layout;

import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On PostgreSQL, beside the event store. */
class DropInLayoutChangesTest extends DropInLayoutChangesTestBase {

  static final TestDatabase DATABASE = TestDatabases.postgres();

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, DATABASE);
  }
}
