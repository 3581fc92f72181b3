package org.mailledger.projection.rebuild;

import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The rebuild with the lookup tables beside the event store on PostgreSQL. */
class RebuildOnPostgresTest extends RebuildScenario {

  static final TestDatabase DATABASE = TestDatabases.postgres();

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, DATABASE);
  }
}
