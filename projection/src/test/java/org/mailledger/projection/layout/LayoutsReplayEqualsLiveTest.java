package org.mailledger.projection.layout;

import org.junit.jupiter.api.Nested;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The three layouts' replay equals live, with the lookup tables on each engine. A Spring test
 * context belongs to a test class and its {@code @DynamicPropertySource}, so each engine is a
 * {@code @Nested} class of its own (one context each), side by side here.
 */
class LayoutsReplayEqualsLiveTest {

  /** All three layouts beside the event store on PostgreSQL. */
  @Nested
  class OnPostgres extends LayoutsReplayEqualsLiveTestBase {

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

  /** All three layouts with the lookup tables on MariaDB. */
  @Nested
  class OnMariaDb extends LayoutsReplayEqualsLiveTestBase {

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
}
