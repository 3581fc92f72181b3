package org.mailledger.projection;

import org.junit.jupiter.api.Nested;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mum scenario with the lookup tables on each engine. A Spring test context belongs to a test
 * class and its {@code @DynamicPropertySource}, so each engine is a {@code @Nested} class of its
 * own (one context each), side by side here.
 */
class MumLayoutTest {

  /** The mum layout in the event store's own PostgreSQL database, the default deployment. */
  @Nested
  class OnPostgres extends MumLayoutScenario {

    static final TestDatabase EVENT_STORE = TestDatabases.eventStore();
    // beside the event store when that is PostgreSQL (the default deployment), else on its own
    static final TestDatabase LOOKUP = TestDatabases.postgresBeside(EVENT_STORE);

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
      eventStore(registry, EVENT_STORE);
      lookupIn(registry, EVENT_STORE, LOOKUP);
    }
  }

  /** The mum layout in a MySQL/MariaDB database of its own, as MUM users run it. */
  @Nested
  class OnMariaDb extends MumLayoutScenario {

    static final TestDatabase EVENT_STORE = TestDatabases.eventStore();
    // beside the event store when that is MySQL/MariaDB too (a MySQL-only deployment)
    static final TestDatabase LOOKUP = TestDatabases.mysqlBeside(EVENT_STORE);

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
      eventStore(registry, EVENT_STORE);
      lookupIn(registry, EVENT_STORE, LOOKUP);
    }
  }
}
