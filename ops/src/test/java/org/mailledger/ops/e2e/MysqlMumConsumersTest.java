package org.mailledger.ops.e2e;

import java.sql.SQLException;
import java.sql.Statement;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;

class MysqlMumConsumersTest extends MumConsumersEndToEndTest {

  @Override
  TestDatabase newDatabase() {
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
