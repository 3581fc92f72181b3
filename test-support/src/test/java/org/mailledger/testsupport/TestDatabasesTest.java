package org.mailledger.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The public entry points, resolved as they would be for any test on this machine. */
class TestDatabasesTest {

  @Test
  void twoPostgresCallsGiveTwoSeparateEmptyDatabases() throws Exception {
    TestDatabase a = TestDatabases.postgres();
    TestDatabase b = TestDatabases.postgres();

    assertThat(a.database()).isNotEqualTo(b.database());
    assertThat(a.dialect()).isEqualTo("postgresql");
    assertSeparate(a, b);
  }

  @Test
  void twoMysqlCallsGiveTwoSeparateEmptyDatabases() throws Exception {
    TestDatabase a = TestDatabases.mysql();
    TestDatabase b = TestDatabases.mysql();

    assertThat(a.database()).isNotEqualTo(b.database());
    assertThat(a.dialect()).isEqualTo("mysql");
    assertSeparate(a, b);
  }

  @Test
  void toStringLeavesThePasswordOut() {
    TestDatabase db =
        new TestDatabase("jdbc:postgresql://h:1/d", "h", 1, "d", "u", "s3cret-value", "env");

    assertThat(db.toString()).doesNotContain("s3cret-value");
  }

  private static void assertSeparate(TestDatabase a, TestDatabase b) throws Exception {
    assertThat(Probe.tableCount(a)).isZero();
    assertThat(Probe.tableCount(b)).isZero();
    try (Connection c = a.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE only_in_a (id INT)");
    }
    assertThat(Probe.tableCount(a)).isEqualTo(1);
    assertThat(Probe.tableCount(b)).isZero();
  }
}
