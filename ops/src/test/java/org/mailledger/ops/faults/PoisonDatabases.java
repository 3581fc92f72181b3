package org.mailledger.ops.faults;

import org.mailledger.ops.e2e.LookupEngine;
import org.mailledger.ops.faults.Node.Db;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The databases of one poison-event test: the log on PostgreSQL, where the fault tests' app keeps
 * its event store; the lookup tables on the engine under test, beside the log when that is
 * PostgreSQL too (the default deployment).
 *
 * @param lookup the lookup tables' own database, or null when they sit beside the log
 * @param log the log, as a test corrupts it by hand
 * @param tables the lookup tables, as a test changes them by hand
 * @param segments the layout processors' segments: the app's default for the engine
 */
record PoisonDatabases(
    Db eventStore, Db lookup, JdbcTemplate log, JdbcTemplate tables, int segments) {

  static PoisonDatabases on(LookupEngine engine) {
    TestDatabase log = TestDatabases.postgres();
    if (engine == LookupEngine.POSTGRESQL) {
      return new PoisonDatabases(Db.of(log), null, jdbc(log), jdbc(log), 4);
    }
    TestDatabase lookup = engine.newDatabase();
    return new PoisonDatabases(Db.of(log), Db.of(lookup), jdbc(log), jdbc(lookup), 1);
  }

  private static JdbcTemplate jdbc(TestDatabase database) {
    return new JdbcTemplate(database.dataSource());
  }
}
