package org.mailledger.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailledger.schema.alias.AddAliasSenderCommand;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.alias.DeactivateAliasCommand;
import org.mailledger.schema.alias.RemoveAliasRecipientCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.domain.DeactivateDomainCommand;
import org.mailledger.schema.mailbox.ChangeMailboxQuotaCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.DeactivateMailboxCommand;
import org.mailledger.schema.mailbox.DeleteMailboxCommand;
import org.mailledger.schema.mailbox.RenameMailboxCommand;
import org.mailledger.schema.tls.RemoveTlsPolicyCommand;
import org.mailledger.schema.tls.SetTlsPolicyCommand;
import org.mailledger.schema.tls.TlsPolicyLevel;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.LocalPart;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;

/** The mum tables after a realistic series of commands, on whichever lookup database. */
abstract class MumLayoutScenario extends ProjectionTestBase {

  private static final String HASH =
      "{BLF-CRYPT}$2y$04$abcdefghijklmnopqrstuu5Yy3xQ8DtrW0eHbsyL.LVpr/DWw6X2q";

  private String domain(String name) {
    String domainId = id();
    send(
        new CreateDomainCommand(
            domainId,
            DomainName.of(name),
            "Example",
            Quota.ofGigabytes(1),
            Quota.ofGigabytes(5),
            0,
            0));
    return domainId;
  }

  private String mailbox(String address, Quota quota, boolean sendOnly) {
    return send(
        new CreateMailboxCommand(
            id(), EmailAddress.parse(address), new Secret(HASH), "Name", quota, sendOnly));
  }

  private static List<EmailAddress> addresses(String... addresses) {
    return List.of(addresses).stream().map(EmailAddress::parse).toList();
  }

  private Map<String, Object> row(String sql, Object... args) {
    return tables().queryForMap(sql, args);
  }

  private long count(String sql, Object... args) {
    return tables().queryForObject(sql, Long.class, args);
  }

  @Test
  void tablesFollowTheLog() throws Exception {
    String d = "scenario-" + id().substring(0, 6) + ".example";
    String domainId = domain(d);
    String alice = mailbox("alice@" + d, Quota.ofGigabytes(2), false);
    String bob = mailbox("bob@" + d, null, true);
    String team =
        send(
            new CreateAliasCommand(
                id(),
                AliasAddress.parse("team@" + d),
                addresses("alice@" + d, "bob@" + d, "ext@elsewhere.net"),
                addresses("alice@" + d),
                "The team"));
    send(
        new CreateAliasCommand(
            id(), AliasAddress.parse("@" + d), addresses("alice@" + d), List.of(), ""));
    send(
        new SetTlsPolicyCommand(
            DomainName.of("partner-" + d), TlsPolicyLevel.SECURE, "match=.partner.example", null));
    awaitProjection();

    Map<String, Object> domainRow = row("SELECT * FROM domains WHERE domain = ?", d);
    assertThat(domainRow.get("aggregate_id")).isEqualTo(domainId);
    assertThat(((Number) domainRow.get("quota")).longValue()).isEqualTo(1);
    assertThat(((Number) domainRow.get("max_quota")).longValue()).isEqualTo(5);
    long domainRowId = ((Number) domainRow.get("id")).longValue();

    Map<String, Object> aliceRow = row("SELECT * FROM mailboxes WHERE aggregate_id = ?", alice);
    assertThat(aliceRow.get("local_part")).isEqualTo("alice");
    assertThat(((Number) aliceRow.get("domain_id")).longValue()).isEqualTo(domainRowId);
    assertThat(aliceRow.get("password")).isEqualTo(HASH);
    assertThat(((Number) aliceRow.get("quota")).longValue()).isEqualTo(2);
    assertThat(aliceRow.get("homedir")).isEqualTo("/var/vmail/" + alice);
    assertThat(aliceRow.get("maildir")).isEqualTo("maildir:/var/vmail/" + alice + "/Maildir");
    assertThat(
            count(
                "SELECT count(*) FROM mailboxes WHERE aggregate_id = ? AND send_only = ?",
                bob,
                true))
        .isEqualTo(1);

    long teamRow = count("SELECT id FROM aliases WHERE aggregate_id = ?", team);
    assertThat(
            tables()
                .queryForList(
                    "SELECT recipient_address FROM alias_recipients WHERE alias_id = ? ORDER BY recipient_address",
                    String.class,
                    teamRow))
        .containsExactly("alice@" + d, "bob@" + d, "ext@elsewhere.net");
    assertThat(
            count(
                "SELECT count(*) FROM alias_recipients WHERE alias_id = ? AND mailbox_id IS NULL",
                teamRow))
        .as("mailbox_id is left NULL, see V1__mum_tables.sql")
        .isEqualTo(3);
    assertThat(
            count(
                "SELECT count(*) FROM alias_senders s JOIN mailboxes m ON s.mailbox_id = m.id WHERE s.alias_id = ? AND m.aggregate_id = ?",
                teamRow,
                alice))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM aliases a JOIN domains d ON a.domain_id = d.id WHERE a.local_part = '' AND d.domain = ?",
                d))
        .as("the catch-all has the empty local part")
        .isEqualTo(1);
    assertThat(row("SELECT policy, params FROM tls_policies WHERE domain = ?", "partner-" + d))
        .containsEntry("policy", "secure")
        .containsEntry("params", "match=.partner.example");

    send(new ChangeMailboxQuotaCommand(alice, Quota.ofGigabytes(3)));
    send(new RenameMailboxCommand(bob, LocalPart.of("robert")));
    send(new RemoveAliasRecipientCommand(team, EmailAddress.parse("ext@elsewhere.net")));
    send(new DeactivateAliasCommand(team));
    send(new DeactivateMailboxCommand(alice));
    send(new RemoveTlsPolicyCommand(DomainName.of("partner-" + d)));
    awaitProjection();

    assertThat(count("SELECT quota FROM mailboxes WHERE aggregate_id = ?", alice)).isEqualTo(3);
    assertThat(
            count(
                "SELECT count(*) FROM mailboxes WHERE aggregate_id = ? AND active = ?",
                alice,
                false))
        .isEqualTo(1);
    assertThat(
            tables()
                .queryForList(
                    "SELECT local_part FROM mailboxes WHERE aggregate_id = ?", String.class, bob))
        .containsExactly("robert");
    assertThat(
            tables()
                .queryForList(
                    "SELECT recipient_address FROM alias_recipients WHERE alias_id = ? ORDER BY recipient_address",
                    String.class,
                    teamRow))
        .containsExactly("alice@" + d, "robert@" + d);
    assertThat(count("SELECT count(*) FROM aliases WHERE id = ? AND active = ?", teamRow, false))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM tls_policies WHERE domain = ?", "partner-" + d))
        .isZero();

    send(new DeleteMailboxCommand(bob, true));
    send(new DeactivateDomainCommand(domainId));
    awaitProjection();

    assertThat(count("SELECT count(*) FROM mailboxes WHERE aggregate_id = ?", bob)).isZero();
    assertThat(
            tables()
                .queryForList(
                    "SELECT recipient_address FROM alias_recipients WHERE alias_id = ?",
                    String.class,
                    teamRow))
        .containsExactly("alice@" + d);
    assertThat(count("SELECT count(*) FROM domains WHERE domain = ? AND active = ?", d, false))
        .isEqualTo(1);
  }

  @Test
  void senderAddedLaterPointsAtItsMailbox() throws Exception {
    String d = "senders-" + id().substring(0, 6) + ".example";
    domain(d);
    String carol = mailbox("carol@" + d, null, false);
    String list =
        send(
            new CreateAliasCommand(
                id(), AliasAddress.parse("list@" + d), addresses("carol@" + d), List.of(), ""));
    send(new AddAliasSenderCommand(list, EmailAddress.parse("carol@" + d)));
    awaitProjection();

    assertThat(
            count(
                "SELECT count(*) FROM alias_senders s JOIN aliases a ON s.alias_id = a.id JOIN mailboxes m ON s.mailbox_id = m.id WHERE a.aggregate_id = ? AND m.aggregate_id = ?",
                list,
                carol))
        .isEqualTo(1);
  }
}
