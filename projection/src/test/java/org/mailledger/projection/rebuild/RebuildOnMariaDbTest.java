package org.mailledger.projection.rebuild;

import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The rebuild with the lookup tables in MariaDB, the swap as one RENAME TABLE.
 *
 * <p>It once failed here (rows missing after the swap): the live side was not caught up when
 * compared, because LayoutProgress counted a layout caught up while segments released after an
 * InnoDB deadlock were unclaimed. Both are fixed (coverage check; one segment on MySQL).
 */
class RebuildOnMariaDbTest extends RebuildScenario {

  static final TestDatabase EVENT_STORE = TestDatabases.eventStore();
  // beside the event store when that is MySQL/MariaDB too (a MySQL-only deployment)
  static final TestDatabase LOOKUP = TestDatabases.mysqlBeside(EVENT_STORE);

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, EVENT_STORE);
    lookupIn(registry, EVENT_STORE, LOOKUP);
  }
}
