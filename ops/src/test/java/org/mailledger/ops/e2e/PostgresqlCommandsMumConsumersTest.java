package org.mailledger.ops.e2e;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;

/** Commands to consumers on PostgreSQL, lookup tables beside the event store (the default). */
class PostgresqlCommandsMumConsumersTest extends CommandsMumConsumersTest {

  @Override
  TestDatabase newDatabase() {
    return TestDatabases.postgres();
  }

  @Override
  TestDatabase eventStore() {
    // beside the tables when the suite's event store is PostgreSQL, else on its own engine
    return "postgresql".equals(TestDatabases.eventStoreDialect()) ? db : TestDatabases.eventStore();
  }

  @Override
  String dialect() {
    return "postgresql";
  }

  @Override
  void dropAccount(Statement admin, String user) throws SQLException {
    new PostgresqlMumConsumersTest().dropAccount(admin, user);
  }

  @Test
  void readOnlyAccountsCannotReadTheEventStore() throws SQLException {
    for (String[] account :
        new String[][] {{postfixUser, postfixPassword}, {dovecotUser, dovecotPassword}}) {
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), account[0], account[1]);
          Statement st = c.createStatement()) {
        assertThatThrownBy(() -> st.executeQuery("SELECT * FROM domain_event_entry"))
            .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> st.executeQuery("SELECT * FROM claim_address"))
            .isInstanceOf(SQLException.class);
      }
    }
  }
}
