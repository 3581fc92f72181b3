package org.mailledger.projection.rebuild;

import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The rebuild with the lookup tables beside the event store on PostgreSQL. */
class RebuildOnPostgresTest extends RebuildScenario {

  static final TestDatabase EVENT_STORE = TestDatabases.eventStore();
  // beside the event store when that is PostgreSQL (the default deployment), else on its own
  static final TestDatabase LOOKUP = TestDatabases.postgresBeside(EVENT_STORE);

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, EVENT_STORE);
    lookupIn(registry, EVENT_STORE, LOOKUP);
  }
}
