package org.mailledger.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailledger.testsupport.architecture.SqlText.Reference;

class SqlTextTest {

  private static Reference read(String table) {
    return new Reference(table, false);
  }

  private static Reference write(String table) {
    return new Reference(table, true);
  }

  private static List<Reference> refs(String sql) {
    return SqlText.references(sql);
  }

  @Test
  void readsTheTablesOfAQuery() {
    assertThat(
            refs(
                "SELECT m.id FROM mailboxes m JOIN domains d ON d.id = m.domain_id"
                    + " LEFT JOIN public.\"aliases\" a ON a.id = 1 WHERE m.x IN (1, 2)"))
        .containsExactly(read("mailboxes"), read("domains"), read("aliases"));
  }

  @Test
  void readsACommaListOfTablesWithAliases() {
    assertThat(refs("select * from mailbox m, `domain` as d, alias where m.a = d.b order by x, y"))
        .containsExactly(read("mailbox"), read("domain"), read("alias"));
  }

  @Test
  void tellsWritesFromReads() {
    assertThat(refs("INSERT INTO auth_grant (admin_id, domain) VALUES (?, ?)"))
        .containsExactly(write("auth_grant"));
    assertThat(refs("UPDATE auth_admin SET active = TRUE WHERE admin_id = ?"))
        .containsExactly(write("auth_admin"));
    assertThat(refs("DELETE FROM auth_grant WHERE admin_id = ?"))
        .containsExactly(write("auth_grant"));
    assertThat(refs("TRUNCATE TABLE mailbox, alias"))
        .containsExactly(write("mailbox"), write("alias"));
    assertThat(refs("CREATE TABLE IF NOT EXISTS layout_rebuild_progress (id INT)"))
        .containsExactly(write("layout_rebuild_progress"));
    assertThat(
            refs("CREATE OR REPLACE VIEW ${table_prefix}virtualuser AS SELECT u.id FROM users u"))
        .containsExactly(write("${table_prefix}virtualuser"), read("users"));
    assertThat(refs("DROP TABLE IF EXISTS domains")).containsExactly(write("domains"));
    assertThat(refs("ALTER TABLE domains ADD COLUMN x INT")).containsExactly(write("domains"));
  }

  @Test
  void anUpsertWritesOnlyTheTableItInsertsInto() {
    assertThat(
            refs(
                "INSERT INTO auth_admin (admin_id, name) VALUES (?, ?)"
                    + " ON CONFLICT (admin_id) DO UPDATE SET name = EXCLUDED.name"))
        .containsExactly(write("auth_admin"));
    assertThat(
            refs(
                "INSERT INTO auth_admin (admin_id, name) VALUES (?, ?)"
                    + " ON DUPLICATE KEY UPDATE name = VALUES(name)"))
        .containsExactly(write("auth_admin"));
  }

  @Test
  void aLockingReadIsARead() {
    assertThat(refs("SELECT name FROM claim_domain WHERE alias_of = ? ORDER BY name FOR UPDATE"))
        .containsExactly(read("claim_domain"));
  }

  @Test
  void fromInsideFunctionsNamesNoTable() {
    assertThat(
            refs(
                "SELECT EXTRACT(EPOCH FROM time_stamp), TRIM(LEADING '0' FROM domain)"
                    + " FROM audit_entry WHERE a IS DISTINCT FROM mailbox"))
        .containsExactly(read("audit_entry"));
  }

  @Test
  void proseThatUsesSqlVerbsWritesNothing() {
    assertThat(refs("Create an alias; localPart * or empty makes the catch-all")).isEmpty();
    assertThat(refs("Update mailbox settings")).isEmpty();
    assertThat(refs("Turns the alias into a mailbox")).isEmpty();
    assertThat(refs("Drop the domain once it is empty")).isEmpty();
  }

  @Test
  void ignoresSqlStringLiteralsAndComments() {
    assertThat(refs("SELECT 'FROM mailbox' AS x -- FROM domain\n FROM /* FROM alias */ t"))
        .containsExactly(read("t"));
  }
}
