package org.mailledger.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The local-server path, against the PostgreSQL and MariaDB that bin/test makes sure run. */
class LocalServerTest {

  @Test
  void localPostgresGivesAnEmptyDatabaseReachableThroughItsDataSource() throws Exception {
    DatabaseServer server = Probe.localOnly().resolve(Dialect.POSTGRESQL);
    TestDatabase db = server.createDatabase();

    assertThat(db.origin()).isEqualTo("local");
    assertThat(db.dialect()).isEqualTo("postgresql");
    assertThat(db.host()).isEqualTo("127.0.0.1");
    assertThat(db.port()).isEqualTo(5432);
    assertThat(db.username()).isEqualTo("postgres");
    assertThat(db.database()).startsWith("mltest_");
    assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/" + db.database());
    assertThat(Probe.currentDatabase(db)).isEqualTo(db.database());
    assertThat(Probe.tableCount(db)).isZero();
  }

  @Test
  void localMariaDbGivesAnEmptyUtf8DatabaseReachableThroughItsDataSource() throws Exception {
    DatabaseServer server = Probe.localOnly().resolve(Dialect.MYSQL);
    TestDatabase db = server.createDatabase();

    assertThat(db.origin()).isEqualTo("local");
    assertThat(db.dialect()).isEqualTo("mysql");
    assertThat(db.port()).isEqualTo(3306);
    assertThat(db.username()).isEqualTo("root");
    assertThat(db.password()).isEmpty();
    assertThat(Probe.currentDatabase(db)).isEqualTo(db.database());
    assertThat(Probe.tableCount(db)).isZero();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (name VARCHAR(20))");
      s.execute("INSERT INTO t VALUES ('f\u00fcr-\u00e9t\u00e9')");
      var r = s.executeQuery("SELECT name FROM t");
      r.next();
      assertThat(r.getString(1)).isEqualTo("f\u00fcr-\u00e9t\u00e9");
    }
  }

  @Test
  void droppingRemovesTheDatabaseFromTheServer() throws Exception {
    for (Dialect dialect : Dialect.values()) {
      DatabaseServer server = Probe.localOnly().resolve(dialect);
      TestDatabase db = server.createDatabase();
      // An open session must not block the drop: tests may leave one behind.
      try (Connection open = db.dataSource().getConnection()) {
        assertThat(Probe.exists(server, db.database())).isTrue();
        server.dropDatabase(db.database());
      } catch (SQLException expectedForKilledSession) {
        // PostgreSQL's FORCE ends the open session, so closing it may report that.
      }
      assertThat(Probe.exists(server, db.database())).as(dialect.id).isFalse();
    }
  }
}
