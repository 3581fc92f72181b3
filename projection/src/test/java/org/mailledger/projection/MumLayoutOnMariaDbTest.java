package org.mailledger.projection;

import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The mum layout in a MySQL/MariaDB database of its own, as MUM users run it. */
class MumLayoutOnMariaDbTest extends MumLayoutScenario {

  static final TestDatabase EVENT_STORE = TestDatabases.eventStore();
  // beside the event store when that is MySQL/MariaDB too (a MySQL-only deployment)
  static final TestDatabase LOOKUP = TestDatabases.mysqlBeside(EVENT_STORE);

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, EVENT_STORE);
    lookupIn(registry, EVENT_STORE, LOOKUP);
  }
}
