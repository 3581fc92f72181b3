package org.mailledger.projection.mum;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.schema.alias.AliasActivatedEvent;
import org.mailledger.schema.alias.AliasCreatedEvent;
import org.mailledger.schema.alias.AliasDeactivatedEvent;
import org.mailledger.schema.alias.AliasDeletedEvent;
import org.mailledger.schema.alias.AliasDescriptionChangedEvent;
import org.mailledger.schema.alias.AliasRecipientAddedEvent;
import org.mailledger.schema.alias.AliasRecipientRemovedEvent;
import org.mailledger.schema.alias.AliasSenderAddedEvent;
import org.mailledger.schema.alias.AliasSenderRemovedEvent;
import org.mailledger.schema.domain.DomainActivatedEvent;
import org.mailledger.schema.domain.DomainCreatedEvent;
import org.mailledger.schema.domain.DomainDeactivatedEvent;
import org.mailledger.schema.domain.DomainDeletedEvent;
import org.mailledger.schema.domain.DomainSettingsChangedEvent;
import org.mailledger.schema.mailbox.MailboxActivatedEvent;
import org.mailledger.schema.mailbox.MailboxCreatedEvent;
import org.mailledger.schema.mailbox.MailboxDeactivatedEvent;
import org.mailledger.schema.mailbox.MailboxDeletedEvent;
import org.mailledger.schema.mailbox.MailboxNameChangedEvent;
import org.mailledger.schema.mailbox.MailboxPasswordChangedEvent;
import org.mailledger.schema.mailbox.MailboxQuotaChangedEvent;
import org.mailledger.schema.mailbox.MailboxRenamedEvent;
import org.mailledger.schema.mailbox.MailboxSendOnlyChangedEvent;
import org.mailledger.schema.tls.TlsPolicyRemovedEvent;
import org.mailledger.schema.tls.TlsPolicySetEvent;
import org.mailledger.schema.value.Quota;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the tables of MUM's layout. Every handler is idempotent (upserts by natural key, updates by
 * aggregate id), and an update that finds no row is an error that stops the processor rather than a
 * change silently lost. Row ids are the global index of the creating event; rows that one event
 * creates several of (recipients) get {@code index * 1024 + n}.
 */
@ProcessingGroup(MumLayoutProjection.GROUP)
public class MumLayoutProjection {

  public static final String GROUP = "layout-mum";
  static final List<String> TABLES =
      List.of(
          "alias_senders", "alias_recipients", "aliases", "mailboxes", "domains", "tls_policies");

  private final JdbcTemplate jdbc;
  private final String upsertDomain;
  private final String upsertMailbox;
  private final String upsertAlias;
  private final String upsertRecipient;
  private final String upsertSender;
  private final String upsertTlsPolicy;

  public MumLayoutProjection(LookupDatabase lookup) {
    this.jdbc = lookup.jdbc();
    Dialect dialect = lookup.dialect();
    upsertDomain =
        dialect.upsert(
            "domains",
            List.of("aggregate_id"),
            List.of(
                "id",
                "aggregate_id",
                "domain",
                "description",
                "quota",
                "max_quota",
                "max_aliases",
                "max_mailboxes",
                "active"));
    upsertMailbox =
        dialect.upsert(
            "mailboxes",
            List.of("aggregate_id"),
            List.of(
                "id",
                "aggregate_id",
                "local_part",
                "password",
                "name",
                "domain_id",
                "quota",
                "homedir",
                "maildir",
                "send_only",
                "active"));
    upsertAlias =
        dialect.upsert(
            "aliases",
            List.of("aggregate_id"),
            List.of("id", "aggregate_id", "local_part", "description", "domain_id", "active"));
    upsertRecipient =
        dialect.upsert(
            "alias_recipients",
            List.of("alias_id", "recipient_address"),
            List.of("id", "alias_id", "recipient_address", "mailbox_id"));
    upsertSender =
        dialect.upsert(
            "alias_senders",
            List.of("alias_id", "mailbox_aggregate_id"),
            List.of("id", "alias_id", "mailbox_aggregate_id", "mailbox_id"));
    upsertTlsPolicy =
        dialect.upsert(
            "tls_policies",
            List.of("domain"),
            List.of("id", "domain", "policy", "params", "description", "active"));
  }

  @EventHandler
  void on(DomainCreatedEvent e, TrackingToken token) {
    jdbc.update(
        upsertDomain,
        position(token),
        e.domainId(),
        e.name(),
        e.description(),
        gigabytes(e.defaultQuotaBytes()),
        gigabytes(e.maxQuotaBytes()),
        e.maxAliases(),
        e.maxMailboxes(),
        true);
  }

  @EventHandler
  void on(DomainSettingsChangedEvent e) {
    requireRow(
        jdbc.update(
            "UPDATE domains SET description = ?, quota = ?, max_quota = ?, max_aliases = ?, max_mailboxes = ? WHERE aggregate_id = ?",
            e.description(),
            gigabytes(e.defaultQuotaBytes()),
            gigabytes(e.maxQuotaBytes()),
            e.maxAliases(),
            e.maxMailboxes(),
            e.domainId()),
        "domain",
        e.name());
  }

  @EventHandler
  void on(DomainActivatedEvent e) {
    requireRow(
        jdbc.update("UPDATE domains SET active = ? WHERE aggregate_id = ?", true, e.domainId()),
        "domain",
        e.name());
  }

  @EventHandler
  void on(DomainDeactivatedEvent e) {
    requireRow(
        jdbc.update("UPDATE domains SET active = ? WHERE aggregate_id = ?", false, e.domainId()),
        "domain",
        e.name());
  }

  @EventHandler
  void on(DomainDeletedEvent e) {
    requireRow(
        jdbc.update("DELETE FROM domains WHERE aggregate_id = ?", e.domainId()),
        "domain",
        e.name());
  }

  @EventHandler
  void on(MailboxCreatedEvent e, TrackingToken token) {
    long id = position(token);
    jdbc.update(
        upsertMailbox,
        id,
        e.mailboxId(),
        localPart(e.address()),
        e.passwordHash(),
        e.name(),
        domainRow(e.domainId(), e.address()),
        gigabytes(e.quotaBytes()),
        e.home(),
        "maildir:" + e.maildir(),
        e.sendOnly(),
        true);
    long mailboxId =
        jdbc.queryForObject(
            "SELECT id FROM mailboxes WHERE aggregate_id = ?", Long.class, e.mailboxId());
    jdbc.update(
        "UPDATE alias_senders SET mailbox_id = ? WHERE mailbox_aggregate_id = ?",
        mailboxId,
        e.mailboxId());
    jdbc.update(
        "UPDATE alias_recipients SET mailbox_id = ? WHERE recipient_address = ?",
        mailboxId,
        e.address());
  }

  @EventHandler
  void on(MailboxPasswordChangedEvent e) {
    updateMailbox("password = ?", e.passwordHash(), e.mailboxId(), e.address());
  }

  @EventHandler
  void on(MailboxQuotaChangedEvent e) {
    updateMailbox("quota = ?", gigabytes(e.quotaBytes()), e.mailboxId(), e.address());
  }

  @EventHandler
  void on(MailboxNameChangedEvent e) {
    updateMailbox("name = ?", e.name(), e.mailboxId(), e.address());
  }

  @EventHandler
  void on(MailboxSendOnlyChangedEvent e) {
    updateMailbox("send_only = ?", e.sendOnly(), e.mailboxId(), e.address());
  }

  @EventHandler
  void on(MailboxActivatedEvent e) {
    updateMailbox("active = ?", true, e.mailboxId(), e.address());
  }

  @EventHandler
  void on(MailboxDeactivatedEvent e) {
    updateMailbox("active = ?", false, e.mailboxId(), e.address());
  }

  @EventHandler
  void on(MailboxRenamedEvent e) {
    updateMailbox("local_part = ?", localPart(e.newAddress()), e.mailboxId(), e.newAddress());
  }

  @EventHandler
  void on(MailboxDeletedEvent e) {
    Long mailboxId = mailboxRow(e.mailboxId(), e.address());
    jdbc.update("UPDATE alias_recipients SET mailbox_id = NULL WHERE mailbox_id = ?", mailboxId);
    jdbc.update("UPDATE alias_senders SET mailbox_id = NULL WHERE mailbox_id = ?", mailboxId);
    jdbc.update("DELETE FROM mailboxes WHERE id = ?", mailboxId);
  }

  @EventHandler
  void on(AliasCreatedEvent e, TrackingToken token) {
    long id = position(token);
    jdbc.update(
        upsertAlias,
        id,
        e.aliasId(),
        localPart(e.address()),
        e.description(),
        domainRow(e.domainId(), e.address()),
        true);
    long aliasId = aliasRow(e.aliasId(), e.address());
    for (int i = 0; i < e.recipients().size(); i++) {
      addRecipient(aliasId, id * 1024 + i, e.recipients().get(i));
    }
  }

  @EventHandler
  void on(AliasRecipientAddedEvent e, TrackingToken token) {
    addRecipient(aliasRow(e.aliasId(), e.address()), position(token) * 1024, e.recipient());
  }

  @EventHandler
  void on(AliasRecipientRemovedEvent e) {
    requireRow(
        jdbc.update(
            "DELETE FROM alias_recipients WHERE alias_id = ? AND recipient_address = ?",
            aliasRow(e.aliasId(), e.address()),
            e.recipient()),
        "recipient " + e.recipient() + " of alias",
        e.address());
  }

  @EventHandler
  void on(AliasSenderAddedEvent e, TrackingToken token) {
    List<Long> mailbox =
        jdbc.queryForList(
            "SELECT id FROM mailboxes WHERE aggregate_id = ?", Long.class, e.mailboxId());
    jdbc.update(
        upsertSender,
        position(token) * 1024,
        aliasRow(e.aliasId(), e.address()),
        e.mailboxId(),
        mailbox.isEmpty() ? null : mailbox.get(0));
  }

  @EventHandler
  void on(AliasSenderRemovedEvent e) {
    requireRow(
        jdbc.update(
            "DELETE FROM alias_senders WHERE alias_id = ? AND mailbox_aggregate_id = ?",
            aliasRow(e.aliasId(), e.address()),
            e.mailboxId()),
        "sender " + e.mailboxAddress() + " of alias",
        e.address());
  }

  @EventHandler
  void on(AliasDescriptionChangedEvent e) {
    updateAlias("description = ?", e.description(), e.aliasId(), e.address());
  }

  @EventHandler
  void on(AliasActivatedEvent e) {
    updateAlias("active = ?", true, e.aliasId(), e.address());
  }

  @EventHandler
  void on(AliasDeactivatedEvent e) {
    updateAlias("active = ?", false, e.aliasId(), e.address());
  }

  @EventHandler
  void on(AliasDeletedEvent e) {
    long aliasId = aliasRow(e.aliasId(), e.address());
    jdbc.update("DELETE FROM alias_recipients WHERE alias_id = ?", aliasId);
    jdbc.update("DELETE FROM alias_senders WHERE alias_id = ?", aliasId);
    jdbc.update("DELETE FROM aliases WHERE id = ?", aliasId);
  }

  @EventHandler
  void on(TlsPolicySetEvent e, TrackingToken token) {
    jdbc.update(
        upsertTlsPolicy,
        position(token),
        e.destination(),
        e.policy(),
        e.params().isEmpty() ? null : e.params(),
        e.description(),
        true);
  }

  @EventHandler
  void on(TlsPolicyRemovedEvent e) {
    requireRow(
        jdbc.update("DELETE FROM tls_policies WHERE domain = ?", e.destination()),
        "TLS policy",
        e.destination());
  }

  /** A replay starts from empty tables; only this layout's own tables are touched. */
  @ResetHandler
  void reset() {
    for (String table : TABLES) {
      jdbc.update("DELETE FROM " + table);
    }
  }

  private void addRecipient(long aliasId, long rowId, String recipient) {
    List<Long> mailbox =
        jdbc.queryForList(
            "SELECT m.id FROM mailboxes m JOIN domains d ON m.domain_id = d.id WHERE m.local_part = ? AND d.domain = ?",
            Long.class,
            localPart(recipient),
            recipient.substring(recipient.lastIndexOf('@') + 1));
    jdbc.update(
        upsertRecipient, rowId, aliasId, recipient, mailbox.isEmpty() ? null : mailbox.get(0));
  }

  private void updateMailbox(String assignment, Object value, String mailboxId, String address) {
    requireRow(
        jdbc.update(
            "UPDATE mailboxes SET " + assignment + " WHERE aggregate_id = ?", value, mailboxId),
        "mailbox",
        address);
  }

  private void updateAlias(String assignment, Object value, String aliasId, String address) {
    requireRow(
        jdbc.update("UPDATE aliases SET " + assignment + " WHERE aggregate_id = ?", value, aliasId),
        "alias",
        address);
  }

  private long domainRow(String domainId, String address) {
    return single(
        jdbc.queryForList("SELECT id FROM domains WHERE aggregate_id = ?", Long.class, domainId),
        "domain of",
        address);
  }

  private long mailboxRow(String mailboxId, String address) {
    return single(
        jdbc.queryForList("SELECT id FROM mailboxes WHERE aggregate_id = ?", Long.class, mailboxId),
        "mailbox",
        address);
  }

  private long aliasRow(String aliasId, String address) {
    return single(
        jdbc.queryForList("SELECT id FROM aliases WHERE aggregate_id = ?", Long.class, aliasId),
        "alias",
        address);
  }

  private static long single(List<Long> ids, String what, String name) {
    if (ids.isEmpty()) {
      throw new MissingRowException(what + " " + name);
    }
    return ids.get(0);
  }

  private static void requireRow(int rows, String what, String name) {
    if (rows == 0) {
      throw new MissingRowException(what + " " + name);
    }
  }

  private static long position(TrackingToken token) {
    return token
        .position()
        .orElseThrow(() -> new IllegalStateException("event without a log position"));
  }

  /** MUM keeps quotas in whole GB; a quota that is not a whole number of GB is rounded up. */
  private static long gigabytes(long bytes) {
    return Quota.ofBytes(bytes).gigabytes();
  }

  private static String localPart(String address) {
    return address.substring(0, address.lastIndexOf('@'));
  }
}
