package org.mailledger.ops.faults;

import org.junit.jupiter.api.BeforeAll;
import org.mailledger.ops.faults.Node.Db;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/** The poison event with the log and the lookup tables in one PostgreSQL database, 4 segments. */
class PoisonEventOnPostgresTest extends PoisonEventScenario {

  static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabases.postgres();
  }

  @Override
  Db eventStore() {
    return Db.of(db);
  }

  @Override
  Db lookup() {
    return null;
  }

  @Override
  JdbcTemplate tables() {
    return new JdbcTemplate(db.dataSource());
  }

  @Override
  int segments() {
    return 4;
  }
}
