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
 * DinoMail's documented queries, as {@code ops config} writes them, on each engine, the layout kept
 * alone and with its tables under the prefix {@code core_} (DinoMail installed under another app
 * label).
 */
@ParameterizedClass(name = "dinomail on {0}")
@EnumSource(LookupEngine.class)
class DinoMailConsumersTest extends LayoutConsumersTestBase {

  static final String DINO = "dinomail";

  @Override
  List<String> layouts() {
    return List.of(DINO);
  }

  @Override
  String tablePrefix() {
    return "core_";
  }

  @Test
  void virtualMailboxDomainsAreActiveDomainsAndAliasDomains() {
    assertThat(query(DINO, "virtual-mailbox-domains.cf", "example.org")).contains("1");
    assertThat(query(DINO, "virtual-mailbox-domains.cf", "alias.example")).contains("1");
    assertThat(query(DINO, "virtual-mailbox-domains.cf", "off.example")).isEmpty();
    assertThat(query(DINO, "virtual-mailbox-domains.cf", "gone.example")).isEmpty();
    assertThat(query(DINO, "virtual-mailbox-domains.cf", "unknown.test")).isEmpty();
  }

  @Test
  void virtualMailboxMapsKnowActiveMailboxesOfActiveDomains() {
    assertThat(query(DINO, "virtual-mailbox-maps.cf", "alice@example.org")).contains("1");
    assertThat(query(DINO, "virtual-mailbox-maps.cf", "bob@example.org")).isEmpty();
    assertThat(query(DINO, "virtual-mailbox-maps.cf", "carol@off.example")).isEmpty();
    assertThat(query(DINO, "virtual-mailbox-maps.cf", "nobody@example.org")).isEmpty();
  }

  @Test
  void aliasMapsHaveOneRowPerDestination() {
    assertThat(list(DINO, "virtual-alias-maps.cf", "team@example.org"))
        .containsExactly("alice@example.org", "bob@elsewhere.test", "carol@example.net");
    assertThat(query(DINO, "virtual-alias-maps.cf", "@example.org")).contains("alice@example.org");
    assertThat(query(DINO, "virtual-alias-maps.cf", "old@example.org")).isEmpty();
    assertThat(query(DINO, "virtual-alias-maps.cf", "alice@example.org")).isEmpty();
  }

  @Test
  void aliasDomainsAreExpandedIntoAliasRows() {
    assertThat(query(DINO, "virtual-alias-maps.cf", "alice@alias.example"))
        .contains("alice@example.org");
    assertThat(query(DINO, "virtual-alias-maps.cf", "team@alias.example"))
        .contains("team@example.org");
    assertThat(query(DINO, "virtual-alias-maps.cf", "@alias.example"))
        .as("the target's catch-all")
        .contains("alice@example.org");
    assertThat(query(DINO, "virtual-alias-maps.cf", "bob@alias.example")).as("inactive").isEmpty();
    assertThat(query(DINO, "virtual-alias-maps.cf", "old@alias.example")).isEmpty();
    assertThat(query(DINO, "virtual-alias-maps.cf", "alice@gone.example"))
        .as("inactive alias domain")
        .isEmpty();
  }

  @Test
  void email2emailMapsAMailboxToItself() {
    assertThat(query(DINO, "email2email.cf", "alice@example.org")).contains("alice@example.org");
    assertThat(query(DINO, "email2email.cf", "bob@example.org")).isEmpty();
  }

  @Test
  void dovecotChecksPasswordsOfActiveMailboxesInActiveDomains() {
    assertThat(dovecot(DINO).authTest("alice@example.org", PASSWORD)).isTrue();
    assertThat(dovecot(DINO).authTest("alice@example.org", "wrong password")).isFalse();
    assertThat(dovecot(DINO).authTest("bob@example.org", PASSWORD)).isFalse();
    assertThat(dovecot(DINO).authTest("carol@off.example", PASSWORD)).isFalse();
  }

  @Test
  void dovecotUserdbGivesDinoMailsHomeAndQuotaInBytes() {
    assertThat(dovecot(DINO).user("alice@example.org"))
        .containsEntry("home", "/var/vmail/example.org/alice")
        .containsEntry("quota_rule", "*:bytes=" + 2L * 1024 * 1024 * 1024)
        .containsEntry("uid", String.valueOf(VMAIL));
    assertThat(dovecot(DINO).user("dave@example.net"))
        .containsEntry("quota_rule", "*:bytes=" + 5L * 1024 * 1024 * 1024);
    assertThat(dovecot(DINO).user("bob@example.org")).isEmpty();
  }

  @Test
  void readOnlyAccountsReadOnlyTheViews() throws SQLException {
    String postfixUser =
        accounts.keySet().stream().filter(u -> u.startsWith("mlpfd")).findFirst().orElseThrow();
    try (Connection c = readOnly(postfixUser);
        Statement st = c.createStatement()) {
      st.executeQuery("SELECT COUNT(*) FROM core_virtualalias").close();
      assertThatThrownBy(() -> st.executeQuery("SELECT * FROM mailledger_dinomail_user"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> st.executeQuery("SELECT * FROM layout_token_entry"))
          .isInstanceOf(SQLException.class);
    }
  }
}
