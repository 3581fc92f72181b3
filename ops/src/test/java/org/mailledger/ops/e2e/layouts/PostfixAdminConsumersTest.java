package org.mailledger.ops.e2e.layouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.mailledger.ops.e2e.LookupEngine;

/**
 * PostfixAdmin's documented Postfix maps and Dovecot queries, as {@code ops config} writes them,
 * against the tables the {@code postfixadmin} layout keeps, on each engine.
 */
@ParameterizedClass(name = "postfixadmin on {0}")
@EnumSource(LookupEngine.class)
class PostfixAdminConsumersTest extends LayoutConsumersTestBase {

  static final String PFA = "postfixadmin";

  /**
   * On PostgreSQL all three layouts kept from one log in the event store's database, the DinoMail
   * files checked too with the default table prefix; on MariaDB postfixadmin kept alone.
   */
  @Override
  List<String> layouts() {
    return engine == LookupEngine.POSTGRESQL
        ? List.of("mum", "postfixadmin", "dinomail")
        : List.of("postfixadmin");
  }

  private String file(String name) {
    return (dialect().equals("postgresql") ? "pgsql_" : "mysql_") + name + ".cf";
  }

  @Test
  void virtualDomainsAreTheActiveDomainsAndAliasDomains() {
    assertThat(query(PFA, file("virtual_domains_maps"), "example.org")).contains("example.org");
    assertThat(query(PFA, file("virtual_domains_maps"), "alias.example")).contains("alias.example");
    assertThat(query(PFA, file("virtual_domains_maps"), "off.example")).as("inactive").isEmpty();
    assertThat(query(PFA, file("virtual_domains_maps"), "gone.example"))
        .as("inactive alias domain")
        .isEmpty();
    assertThat(query(PFA, file("virtual_domains_maps"), "unknown.test")).isEmpty();
  }

  @Test
  void virtualMailboxMapsAnswerTheMaildir() {
    String maildir = aliceId + "/";
    assertThat(query(PFA, file("virtual_mailbox_maps"), "alice@example.org"))
        .contains(dialect().equals("postgresql") ? maildir : "example.org/" + maildir);
    assertThat(query(PFA, file("virtual_mailbox_maps"), "bob@example.org")).isEmpty();
    assertThat(query(PFA, file("virtual_mailbox_maps"), "nobody@example.org")).isEmpty();
  }

  @Test
  void aliasDomainMailboxMapsFindTheTargetsMailboxes() {
    assertThat(query(PFA, file("virtual_alias_domain_mailbox_maps"), "alice@alias.example"))
        .contains("example.org/" + aliceId + "/");
    assertThat(query(PFA, file("virtual_alias_domain_mailbox_maps"), "bob@alias.example"))
        .as("inactive mailbox")
        .isEmpty();
    assertThat(query(PFA, file("virtual_alias_domain_mailbox_maps"), "alice@example.org"))
        .as("not an alias domain")
        .isEmpty();
    assertThat(query(PFA, file("virtual_alias_domain_mailbox_maps"), "alice@gone.example"))
        .as(
            "switched-off alias domain: its row is inactive, but the documented map does not"
                + " test alias_domain.active; virtual_mailbox_domains refuses the domain first")
        .contains("example.org/" + aliceId + "/");
  }

  @Test
  void aliasMapsGiveGotoWithEveryMailboxPointingToItself() {
    assertThat(list(PFA, file("virtual_alias_maps"), "team@example.org"))
        .containsExactly("alice@example.org", "bob@elsewhere.test", "carol@example.net");
    assertThat(query(PFA, file("virtual_alias_maps"), "alice@example.org"))
        .contains("alice@example.org");
    assertThat(query(PFA, file("virtual_alias_maps"), "bob@example.org"))
        .as("inactive mailbox's own alias")
        .isEmpty();
    assertThat(query(PFA, file("virtual_alias_maps"), "old@example.org")).isEmpty();
    assertThat(query(PFA, file("virtual_alias_maps"), "@example.org"))
        .as("the catch-all")
        .contains("alice@example.org");
    assertThat(query(PFA, file("virtual_alias_maps"), "nobody@example.org")).isEmpty();
  }

  @Test
  void aliasDomainMapsGiveTheTargetsGoto() {
    assertThat(list(PFA, file("virtual_alias_domain_maps"), "team@alias.example"))
        .containsExactly("alice@example.org", "bob@elsewhere.test", "carol@example.net");
    assertThat(query(PFA, file("virtual_alias_domain_maps"), "alice@alias.example"))
        .contains("alice@example.org");
    assertThat(query(PFA, file("virtual_alias_domain_maps"), "nobody@alias.example")).isEmpty();
    assertThat(query(PFA, file("virtual_alias_domain_maps"), "team@example.org")).isEmpty();
  }

  @Test
  void aliasDomainCatchAllIsTheTargetsCatchAll() {
    assertThat(query(PFA, file("virtual_alias_domain_catchall_maps"), "nobody@alias.example"))
        .contains("alice@example.org");
    assertThat(query(PFA, file("virtual_alias_domain_catchall_maps"), "nobody@example.net"))
        .isEmpty();
  }

  @Test
  void senderLoginMapsLetAMailboxSendAsItselfAndGotoAddressesAsTheAlias() {
    assertThat(query(PFA, file("sender_login_maps"), "alice@example.org"))
        .contains("alice@example.org");
    assertThat(list(PFA, file("sender_login_maps"), "team@example.org"))
        .contains("alice@example.org");
    assertThat(query(PFA, file("sender_login_maps"), "bob@example.org")).isEmpty();
  }

  @Test
  void dovecotChecksPasswordsOfActiveMailboxes() {
    assertThat(dovecot(PFA).authTest("alice@example.org", PASSWORD)).isTrue();
    assertThat(dovecot(PFA).authTest("alice@example.org", "wrong password")).isFalse();
    assertThat(dovecot(PFA).authTest("bob@example.org", PASSWORD)).as("inactive").isFalse();
    assertThat(dovecot(PFA).authTest("nobody@example.org", PASSWORD)).isFalse();
  }

  @Test
  void dovecotUserdbGivesHomeQuotaInBytesAndVmailIds() {
    assertThat(dovecot(PFA).user("alice@example.org"))
        .containsEntry("home", "/var/vmail/" + aliceId + "/")
        .containsEntry("mail", "maildir:~/Maildir")
        .containsEntry("quota_rule", "*:bytes=" + 2L * 1024 * 1024 * 1024)
        .containsEntry("uid", String.valueOf(VMAIL))
        .containsEntry("gid", String.valueOf(VMAIL));
    assertThat(dovecot(PFA).user("dave@example.net"))
        .containsEntry("quota_rule", "*:bytes=" + 5L * 1024 * 1024 * 1024);
    assertThat(dovecot(PFA).user("bob@example.org")).isEmpty();
  }

  @Test
  void tablesHavePostfixAdminsColumnsAndUnits() throws SQLException {
    var row = jdbc().queryForMap("SELECT * FROM domain WHERE domain = ?", "example.org");
    assertThat(((Number) row.get("maxquota")).longValue()).as("MB").isEqualTo(10 * 1024);
    assertThat(row.get("transport")).isEqualTo("virtual");
    assertThat(row.get("created")).isNotNull().isEqualTo(row.get("modified"));
    var mailbox =
        jdbc().queryForMap("SELECT * FROM mailbox WHERE username = ?", "alice@example.org");
    assertThat(mailbox.get("local_part")).isEqualTo("alice");
    assertThat(mailbox.get("domain")).isEqualTo("example.org");
    assertThat(((Number) mailbox.get("quota")).longValue()).isEqualTo(2L * 1024 * 1024 * 1024);
    assertThat(String.valueOf(mailbox.get("password"))).startsWith("{BLF-CRYPT}$2");
    var aliasDomain =
        jdbc().queryForMap("SELECT * FROM alias_domain WHERE alias_domain = ?", "gone.example");
    assertThat(aliasDomain.get("target_domain")).isEqualTo("example.org");
    assertThat(List.of(false, 0, 0L))
        .contains(
            aliasDomain.get("active") instanceof Boolean b
                ? b
                : ((Number) aliasDomain.get("active")).intValue());
  }

  @Test
  void readOnlyAccountsReadOnlyWhatTheyNeed() throws SQLException {
    String postfixUser =
        accounts.keySet().stream().filter(u -> u.startsWith("mlpfp")).findFirst().orElseThrow();
    String dovecotUser =
        accounts.keySet().stream().filter(u -> u.startsWith("mldcp")).findFirst().orElseThrow();
    try (Connection c = readOnly(postfixUser);
        Statement st = c.createStatement()) {
      st.executeQuery("SELECT COUNT(*) FROM alias_domain").close();
      assertThatThrownBy(() -> st.executeQuery("SELECT * FROM layout_token_entry"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> st.executeUpdate("DELETE FROM alias"))
          .isInstanceOf(SQLException.class);
    }
    try (Connection c = readOnly(dovecotUser);
        Statement st = c.createStatement()) {
      st.executeQuery("SELECT COUNT(*) FROM mailbox").close();
      assertThatThrownBy(() -> st.executeQuery("SELECT * FROM alias"))
          .isInstanceOf(SQLException.class);
    }
  }

  /**
   * What {@link #layouts()} keeps beside postfixadmin answers from the same log; the rest is
   * absent.
   */
  @Test
  void theLayoutsKeptBesideAnswerFromTheSameLog() {
    if (layouts().contains("dinomail")) {
      assertThat(query("dinomail", "virtual-mailbox-domains.cf", "alias.example")).contains("1");
      assertThat(query("dinomail", "virtual-mailbox-maps.cf", "alice@example.org")).contains("1");
      assertThat(query("dinomail", "virtual-alias-maps.cf", "alice@alias.example"))
          .contains("alice@example.org");
      assertThat(dovecot("dinomail").authTest("alice@example.org", PASSWORD)).isTrue();
    } else {
      assertThat(hasTable("mailledger_dinomail_user")).as("dinomail not kept").isFalse();
    }
    if (layouts().contains("mum")) {
      assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM mailboxes", Long.class))
          .as("mum's tables from the same log")
          .isEqualTo(6L);
    } else {
      assertThat(hasTable("mailboxes")).as("mum not kept").isFalse();
    }
  }

  private boolean hasTable(String name) {
    String schema = engine == LookupEngine.POSTGRESQL ? "current_schema()" : "DATABASE()";
    return jdbc()
            .queryForObject(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                    + schema
                    + " AND table_name = ?",
                Long.class,
                name)
        > 0;
  }
}
