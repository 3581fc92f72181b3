package org.mailledger.projection;

import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The mum layout in the event store's own PostgreSQL database, the default deployment. */
class MumLayoutOnPostgresTest extends MumLayoutScenario {

  static final TestDatabase EVENT_STORE = TestDatabases.eventStore();
  // beside the event store when that is PostgreSQL (the default deployment), else on its own
  static final TestDatabase LOOKUP = TestDatabases.postgresBeside(EVENT_STORE);

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, EVENT_STORE);
    lookupIn(registry, EVENT_STORE, LOOKUP);
  }
}
