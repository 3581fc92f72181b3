package org.mailledger.ops.e2e.layouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;

/**
 * PostfixAdmin's queries on PostgreSQL, with all three layouts kept from one log in the event
 * store's database: the DinoMail files are checked here too, with the default table prefix.
 */
class PostgresqlPostfixAdminConsumersTest extends PostfixAdminConsumersTest {

  @Override
  List<String> layouts() {
    return List.of("mum", "postfixadmin", "dinomail");
  }

  @Override
  TestDatabase newLookupDatabase() {
    return TestDatabases.postgres();
  }

  @Override
  String dialect() {
    return "postgresql";
  }

  @Override
  void dropAccount(Statement admin, String user) throws SQLException {
    dropPostgresRole(admin, user);
  }

  static void dropPostgresRole(Statement admin, String user) throws SQLException {
    admin.execute(
        "DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '"
            + user
            + "') THEN EXECUTE 'DROP OWNED BY \""
            + user
            + "\"'; EXECUTE 'DROP ROLE \""
            + user
            + "\"'; END IF; END $$");
  }

  @Test
  void dinoMailBesidePostfixAdminFromTheSameLog() {
    assertThat(query("dinomail", "virtual-mailbox-domains.cf", "alias.example")).contains("1");
    assertThat(query("dinomail", "virtual-mailbox-maps.cf", "alice@example.org")).contains("1");
    assertThat(query("dinomail", "virtual-alias-maps.cf", "alice@alias.example"))
        .contains("alice@example.org");
    assertThat(dovecot("dinomail").authTest("alice@example.org", PASSWORD)).isTrue();
    assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM mailboxes", Long.class))
        .as("mum's tables from the same log")
        .isEqualTo(6L);
  }
}
