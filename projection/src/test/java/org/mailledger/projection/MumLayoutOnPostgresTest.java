package org.mailledger.projection;

import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The mum layout in the event store's own PostgreSQL database, the default deployment. */
class MumLayoutOnPostgresTest extends MumLayoutScenario {

  static final TestDatabase DATABASE = TestDatabases.postgres();

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, DATABASE);
  }
}
