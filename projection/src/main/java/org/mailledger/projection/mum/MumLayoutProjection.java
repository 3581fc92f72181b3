package org.mailledger.projection.mum;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.lookup.Upsert;
import org.mailledger.projection.lookup.WriteBatch;
import org.mailledger.projection.support.RowId;
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
 * Keeps the tables of MUM's layout. Handlers only describe their writes; each transaction of the
 * processor sends them as JDBC batches when it commits (see {@link WriteBatch}), which is what
 * makes a replay fast. Every write is idempotent (upserts by natural key, updates by row id), and
 * an update or delete that finds no row stops the processor with a {@link MissingRowException}
 * instead of losing the change. Row ids derive from aggregate identities ({@link RowId}), so a
 * replay yields identical rows and no handler needs to read a table.
 */
@ProcessingGroup(MumLayoutProjection.GROUP)
public class MumLayoutProjection {

  public static final String GROUP = "layout-mum";
  static final List<String> TABLES =
      List.of(
          "domains", "tls_policies", "mailboxes", "aliases", "alias_recipients", "alias_senders");
  private static final String BATCH = MumLayoutProjection.class.getName() + ".batch";

  private final JdbcTemplate jdbc;
  private final Upsert upsertDomain;
  private final Upsert upsertMailbox;
  private final Upsert upsertAlias;
  private final Upsert upsertRecipient;
  private final Upsert upsertSender;
  private final Upsert upsertTlsPolicy;

  public MumLayoutProjection(LookupDatabase lookup) {
    this.jdbc = lookup.jdbc();
    Dialect dialect = lookup.dialect();
    upsertDomain =
        new Upsert(
            dialect,
            "domains",
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
        new Upsert(
            dialect,
            "mailboxes",
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
        new Upsert(
            dialect,
            "aliases",
            List.of("id", "aggregate_id", "local_part", "description", "domain_id", "active"));
    upsertRecipient =
        new Upsert(
            dialect,
            "alias_recipients",
            List.of("id", "alias_id", "recipient_address", "mailbox_id"));
    upsertSender = new Upsert(dialect, "alias_senders", List.of("id", "alias_id", "mailbox_id"));
    upsertTlsPolicy =
        new Upsert(
            dialect,
            "tls_policies",
            List.of("id", "domain", "policy", "params", "description", "active"));
  }

  /** This transaction's writes, sent just before it commits. */
  private WriteBatch batch() {
    UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
    return unitOfWork.getOrComputeResource(
        BATCH,
        key -> {
          WriteBatch batch = new WriteBatch(TABLES);
          unitOfWork.onPrepareCommit(u -> batch.flush(jdbc));
          return batch;
        });
  }

  @EventHandler
  void on(DomainCreatedEvent e) {
    batch()
        .upsert(
            upsertDomain,
            RowId.of(e.domainId()),
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
    batch()
        .execute(
            "UPDATE domains SET description = ?, quota = ?, max_quota = ?, max_aliases = ?, max_mailboxes = ? WHERE id = ?",
            "domain " + e.name(),
            e.description(),
            gigabytes(e.defaultQuotaBytes()),
            gigabytes(e.maxQuotaBytes()),
            e.maxAliases(),
            e.maxMailboxes(),
            RowId.of(e.domainId()));
  }

  @EventHandler
  void on(DomainActivatedEvent e) {
    batch()
        .execute(
            "UPDATE domains SET active = ? WHERE id = ?",
            "domain " + e.name(),
            true,
            RowId.of(e.domainId()));
  }

  @EventHandler
  void on(DomainDeactivatedEvent e) {
    batch()
        .execute(
            "UPDATE domains SET active = ? WHERE id = ?",
            "domain " + e.name(),
            false,
            RowId.of(e.domainId()));
  }

  @EventHandler
  void on(DomainDeletedEvent e) {
    batch()
        .execute("DELETE FROM domains WHERE id = ?", "domain " + e.name(), RowId.of(e.domainId()));
  }

  @EventHandler
  void on(MailboxCreatedEvent e) {
    batch()
        .upsert(
            upsertMailbox,
            RowId.of(e.mailboxId()),
            e.mailboxId(),
            localPart(e.address()),
            e.passwordHash(),
            e.name(),
            RowId.of(e.domainId()),
            gigabytes(e.quotaBytes()),
            e.home(),
            "maildir:" + e.maildir(),
            e.sendOnly(),
            true);
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
    updateMailbox("local_part = ?", localPart(e.newAddress()), e.mailboxId(), e.oldAddress());
  }

  @EventHandler
  void on(MailboxDeletedEvent e) {
    batch()
        .execute(
            "DELETE FROM mailboxes WHERE id = ?",
            "mailbox " + e.address(),
            RowId.of(e.mailboxId()));
  }

  @EventHandler
  void on(AliasCreatedEvent e) {
    long aliasId = RowId.of(e.aliasId());
    WriteBatch batch = batch();
    batch.upsert(
        upsertAlias,
        aliasId,
        e.aliasId(),
        localPart(e.address()),
        e.description(),
        RowId.of(e.domainId()),
        true);
    for (String recipient : e.recipients()) {
      batch.upsert(upsertRecipient, RowId.of(e.aliasId(), recipient), aliasId, recipient, null);
    }
  }

  @EventHandler
  void on(AliasRecipientAddedEvent e) {
    batch()
        .upsert(
            upsertRecipient,
            RowId.of(e.aliasId(), e.recipient()),
            RowId.of(e.aliasId()),
            e.recipient(),
            null);
  }

  @EventHandler
  void on(AliasRecipientRemovedEvent e) {
    batch()
        .execute(
            "DELETE FROM alias_recipients WHERE id = ?",
            "recipient " + e.recipient() + " of alias " + e.address(),
            RowId.of(e.aliasId(), e.recipient()));
  }

  @EventHandler
  void on(AliasSenderAddedEvent e) {
    batch()
        .upsert(
            upsertSender,
            RowId.of(e.aliasId(), e.mailboxId()),
            RowId.of(e.aliasId()),
            RowId.of(e.mailboxId()));
  }

  @EventHandler
  void on(AliasSenderRemovedEvent e) {
    batch()
        .execute(
            "DELETE FROM alias_senders WHERE id = ?",
            "sender " + e.mailboxAddress() + " of alias " + e.address(),
            RowId.of(e.aliasId(), e.mailboxId()));
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
    long aliasId = RowId.of(e.aliasId());
    WriteBatch batch = batch();
    batch.execute("DELETE FROM alias_recipients WHERE alias_id = ?", null, aliasId);
    batch.execute("DELETE FROM alias_senders WHERE alias_id = ?", null, aliasId);
    batch.execute("DELETE FROM aliases WHERE id = ?", "alias " + e.address(), aliasId);
  }

  @EventHandler
  void on(TlsPolicySetEvent e) {
    batch()
        .upsert(
            upsertTlsPolicy,
            RowId.of(e.destination()),
            e.destination(),
            e.policy(),
            e.params().isEmpty() ? null : e.params(),
            e.description(),
            true);
  }

  @EventHandler
  void on(TlsPolicyRemovedEvent e) {
    batch()
        .execute(
            "DELETE FROM tls_policies WHERE id = ?",
            "TLS policy " + e.destination(),
            RowId.of(e.destination()));
  }

  /**
   * A replay starts from empty tables; only this layout's own tables are touched, children first.
   */
  @ResetHandler
  void reset() {
    for (String table :
        List.of(
            "alias_senders",
            "alias_recipients",
            "aliases",
            "mailboxes",
            "domains",
            "tls_policies")) {
      jdbc.update("DELETE FROM " + table);
    }
  }

  private void updateMailbox(String assignment, Object value, String mailboxId, String address) {
    batch()
        .execute(
            "UPDATE mailboxes SET " + assignment + " WHERE id = ?",
            "mailbox " + address,
            value,
            RowId.of(mailboxId));
  }

  private void updateAlias(String assignment, Object value, String aliasId, String address) {
    batch()
        .execute(
            "UPDATE aliases SET " + assignment + " WHERE id = ?",
            "alias " + address,
            value,
            RowId.of(aliasId));
  }

  /** MUM keeps quotas in whole GB; a quota that is not a whole number of GB is rounded up. */
  private static long gigabytes(long bytes) {
    return Quota.ofBytes(bytes).gigabytes();
  }

  private static String localPart(String address) {
    return address.substring(0, address.lastIndexOf('@'));
  }
}
