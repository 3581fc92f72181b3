package org.mailledger.ops.e2e.layouts;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;

/** PostfixAdmin's queries on MariaDB, the layout kept alone there; the log on PostgreSQL. */
class MysqlPostfixAdminConsumersTest extends PostfixAdminConsumersTest {

  @Override
  List<String> layouts() {
    return List.of("postfixadmin");
  }

  @Override
  TestDatabase newLookupDatabase() {
    return TestDatabases.mysql();
  }

  @Override
  String dialect() {
    return "mysql";
  }

  @Override
  void dropAccount(Statement admin, String user) throws SQLException {
    admin.execute("DROP USER IF EXISTS '" + user + "'@'%'");
  }
}
