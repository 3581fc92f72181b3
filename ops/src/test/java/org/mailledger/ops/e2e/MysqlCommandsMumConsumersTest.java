package org.mailledger.ops.e2e;

import java.sql.SQLException;
import java.sql.Statement;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;

/** Commands to consumers with the lookup tables on MariaDB and the log on PostgreSQL. */
class MysqlCommandsMumConsumersTest extends CommandsMumConsumersTest {

  @Override
  TestDatabase newDatabase() {
    return TestDatabases.mysql();
  }

  @Override
  TestDatabase eventStore() {
    // beside the tables when the suite's event store is MySQL/MariaDB: a MySQL-only deployment
    return "mysql".equals(TestDatabases.eventStoreDialect()) ? db : TestDatabases.eventStore();
  }

  @Override
  String dialect() {
    return "mysql";
  }

  @Override
  void dropAccount(Statement admin, String user) throws SQLException {
    new MysqlMumConsumersTest().dropAccount(admin, user);
  }
}
