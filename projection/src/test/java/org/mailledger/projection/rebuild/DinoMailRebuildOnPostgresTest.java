package org.mailledger.projection.rebuild;

import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dinomail rebuild on PostgreSQL, where views are bound to the tables they were made on: the
 * swap makes them again, on the new tables, in its transaction.
 */
class DinoMailRebuildOnPostgresTest extends DinoMailRebuildScenario {

  static final TestDatabase DATABASE = TestDatabases.postgres();

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, DATABASE);
  }

  @Override
  long seed() {
    return 20261206L;
  }

  @Override
  int commands() {
    return 2000;
  }
}
