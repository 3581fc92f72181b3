package org.mailledger.projection.rebuild;

import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dinomail rebuild with the lookup tables on MariaDB, where a view names its tables and finds
 * whatever table has the name at each query: the RENAME TABLE alone puts the new ones behind it.
 */
class DinoMailRebuildOnMariaDbTest extends DinoMailRebuildScenario {

  static final TestDatabase EVENT_STORE = TestDatabases.postgres();
  static final TestDatabase LOOKUP = TestDatabases.mysql();

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, EVENT_STORE);
    lookupIn(registry, LOOKUP);
  }

  @Override
  long seed() {
    return 20261207L;
  }

  @Override
  int commands() {
    return 2000;
  }
}
