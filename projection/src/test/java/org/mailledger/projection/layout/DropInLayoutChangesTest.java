package org.mailledger.projection.layout;

import org.junit.jupiter.api.Nested;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The drop-in layouts' changes row by row, with the lookup tables on each engine. A Spring test
 * context belongs to a test class and its {@code @DynamicPropertySource}, so each engine is a
 * {@code @Nested} class of its own (one context each), side by side here.
 */
class DropInLayoutChangesTest {

  /** On PostgreSQL, beside the event store. */
  @Nested
  class OnPostgres extends DropInLayoutChangesTestBase {

    static final TestDatabase DATABASE = TestDatabases.postgres();

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
      eventStore(registry, DATABASE);
    }
  }

  /** With the lookup tables on MariaDB. */
  @Nested
  class OnMariaDb extends DropInLayoutChangesTestBase {

    static final TestDatabase EVENT_STORE = TestDatabases.postgres();
    static final TestDatabase LOOKUP = TestDatabases.mysql();

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
      eventStore(registry, EVENT_STORE);
      lookupIn(registry, LOOKUP);
    }
  }
}
