package org.mailledger.ops.e2e;

import java.sql.SQLException;
import java.sql.Statement;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;

class PostgresqlMumConsumersTest extends MumConsumersEndToEndTest {

  @Override
  TestDatabase newDatabase() {
    return TestDatabases.postgres();
  }

  @Override
  String dialect() {
    return "postgresql";
  }

  // DROP OWNED revokes the role's grants in this database and on the database itself, without
  // which DROP ROLE refuses. The role may be missing when set-up failed before creating it.
  @Override
  void dropAccount(Statement admin, String user) throws SQLException {
    admin.execute(
        "DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '"
            + user
            + "') THEN EXECUTE 'DROP OWNED BY \""
            + user
            + "\"'; EXECUTE 'DROP ROLE \""
            + user
            + "\"'; END IF; END $$");
  }
}
