package org.mailledger.ops.faults;

import org.junit.jupiter.api.BeforeAll;
import org.mailledger.ops.faults.Node.Db;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/** The poison event with the lookup tables on MariaDB (one segment) and the log on PostgreSQL. */
class PoisonEventOnMariaDbTest extends PoisonEventScenario {

  static TestDatabase log;
  static TestDatabase lookup;

  @BeforeAll
  static void databases() {
    log = TestDatabases.postgres();
    lookup = TestDatabases.mysql();
  }

  @Override
  Db eventStore() {
    return Db.of(log);
  }

  @Override
  Db lookup() {
    return Db.of(lookup);
  }

  @Override
  JdbcTemplate tables() {
    return new JdbcTemplate(lookup.dataSource());
  }

  @Override
  int segments() {
    return 1;
  }
}
