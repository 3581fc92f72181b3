package org.mailledger.projection.mum;

import java.time.Instant;
import java.util.List;
import org.mailledger.projection.layout.LayoutWriter;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.projection.lookup.OrderedBatch;
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
import org.mailledger.schema.aliasdomain.AliasDomainActivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainCreatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeactivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeletedEvent;
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
 * The writes of MUM's layout for each event, as {@link WriteBatch} steps, into the live tables or
 * into a rebuild's shadow tables (the same names with a prefix). Kept apart from the Axon handler
 * so a rebuild that reads the log itself applies exactly the same logic. Every write is idempotent
 * (upserts by natural key, updates by row id); an update or delete that finds no row is a {@link
 * MissingRowException} when the batch is sent.
 */
public final class MumWriter implements LayoutWriter {

  /** The layout's tables, parents first: the order a batch sends grouped upserts in. */
  public static final List<String> TABLES =
      List.of(
          "domains", "tls_policies", "mailboxes", "aliases", "alias_recipients", "alias_senders");

  private static final List<String> DOMAIN_SETTINGS =
      List.of("description", "quota", "max_quota", "max_aliases", "max_mailboxes");
  private static final List<String> ACTIVE = List.of("active");

  private final String prefix;
  private final Upsert upsertDomain;
  private final Upsert upsertMailbox;
  private final Upsert upsertAlias;
  private final Upsert upsertRecipient;
  private final Upsert upsertSender;
  private final Upsert upsertTlsPolicy;
  private final AliasDomainExpansion aliasDomains;

  /**
   * @param prefix put before every table name: empty for the live tables
   */
  public MumWriter(Dialect dialect, String prefix) {
    this.prefix = prefix;
    aliasDomains = new AliasDomainExpansion(dialect, prefix);
    upsertDomain =
        new Upsert(
            dialect,
            prefix + "domains",
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
            prefix + "mailboxes",
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
            prefix + "aliases",
            List.of("id", "aggregate_id", "local_part", "description", "domain_id", "active"));
    upsertRecipient =
        new Upsert(
            dialect,
            prefix + "alias_recipients",
            List.of("id", "alias_id", "recipient_address", "mailbox_id"));
    upsertSender =
        new Upsert(dialect, prefix + "alias_senders", List.of("id", "alias_id", "mailbox_id"));
    upsertTlsPolicy =
        new Upsert(
            dialect,
            prefix + "tls_policies",
            List.of("id", "domain", "policy", "params", "description", "active"));
  }

  @Override
  public WriteBatch newBatch() {
    return new OrderedBatch(TABLES.stream().map(t -> prefix + t).toList());
  }

  /**
   * Tells {@code batch}, at the start of its transaction, which domains have alias domains, so it
   * leaves out the expansion statements of all others. Without it every statement is sent.
   */
  @Override
  public void prepare(JdbcTemplate jdbc, WriteBatch batch) {
    batch
        .state(AliasDomainTargets.class, AliasDomainTargets::new)
        .reset(aliasDomains.targets(jdbc));
  }

  /** MUM's rows carry no time stamps: the event alone decides the writes. */
  @Override
  public boolean apply(Object event, Instant timestamp, WriteBatch batch) {
    if (event instanceof DomainCreatedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof DomainSettingsChangedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof DomainActivatedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof DomainDeactivatedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof DomainDeletedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof MailboxCreatedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof MailboxPasswordChangedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof MailboxQuotaChangedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof MailboxNameChangedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof MailboxSendOnlyChangedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof MailboxActivatedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof MailboxDeactivatedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof MailboxRenamedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof MailboxDeletedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof AliasCreatedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof AliasRecipientAddedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof AliasRecipientRemovedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof AliasSenderAddedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof AliasSenderRemovedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof AliasDescriptionChangedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof AliasActivatedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof AliasDeactivatedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof AliasDeletedEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof AliasDomainCreatedEvent e) {
      aliasDomains.on(e, batch);
      return true;
    }
    if (event instanceof AliasDomainActivatedEvent e) {
      aliasDomains.on(e, batch);
      return true;
    }
    if (event instanceof AliasDomainDeactivatedEvent e) {
      aliasDomains.on(e, batch);
      return true;
    }
    if (event instanceof AliasDomainDeletedEvent e) {
      aliasDomains.on(e, batch);
      return true;
    }
    if (event instanceof TlsPolicySetEvent e) {
      on(e, batch);
      return true;
    }
    if (event instanceof TlsPolicyRemovedEvent e) {
      on(e, batch);
      return true;
    }
    return false;
  }

  private void on(DomainCreatedEvent e, WriteBatch batch) {
    batch.upsert(
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

  private void on(DomainSettingsChangedEvent e, WriteBatch batch) {
    batch.update(
        upsertDomain,
        "domain " + e.name(),
        RowId.of(e.domainId()),
        DOMAIN_SETTINGS,
        e.description(),
        gigabytes(e.defaultQuotaBytes()),
        gigabytes(e.maxQuotaBytes()),
        e.maxAliases(),
        e.maxMailboxes());
  }

  private void on(DomainActivatedEvent e, WriteBatch batch) {
    batch.update(upsertDomain, "domain " + e.name(), RowId.of(e.domainId()), ACTIVE, true);
    aliasDomains.targetActive(e.domainId(), e.name(), true, batch);
  }

  private void on(DomainDeactivatedEvent e, WriteBatch batch) {
    batch.update(upsertDomain, "domain " + e.name(), RowId.of(e.domainId()), ACTIVE, false);
    aliasDomains.targetActive(e.domainId(), e.name(), false, batch);
  }

  private void on(DomainDeletedEvent e, WriteBatch batch) {
    batch.delete(upsertDomain, "domain " + e.name(), RowId.of(e.domainId()));
  }

  private void on(MailboxCreatedEvent e, WriteBatch batch) {
    batch.upsert(
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
    aliasDomains.mailboxCreated(e, batch);
  }

  private void on(MailboxPasswordChangedEvent e, WriteBatch batch) {
    updateMailbox(batch, "password", e.passwordHash(), e.mailboxId(), e.address());
  }

  private void on(MailboxQuotaChangedEvent e, WriteBatch batch) {
    updateMailbox(batch, "quota", gigabytes(e.quotaBytes()), e.mailboxId(), e.address());
  }

  private void on(MailboxNameChangedEvent e, WriteBatch batch) {
    updateMailbox(batch, "name", e.name(), e.mailboxId(), e.address());
  }

  private void on(MailboxSendOnlyChangedEvent e, WriteBatch batch) {
    updateMailbox(batch, "send_only", e.sendOnly(), e.mailboxId(), e.address());
    aliasDomains.mailboxReceiving(e.mailboxId(), e.address(), batch);
  }

  private void on(MailboxActivatedEvent e, WriteBatch batch) {
    updateMailbox(batch, "active", true, e.mailboxId(), e.address());
    aliasDomains.mailboxReceiving(e.mailboxId(), e.address(), batch);
  }

  private void on(MailboxDeactivatedEvent e, WriteBatch batch) {
    updateMailbox(batch, "active", false, e.mailboxId(), e.address());
    aliasDomains.mailboxReceiving(e.mailboxId(), e.address(), batch);
  }

  private void on(MailboxRenamedEvent e, WriteBatch batch) {
    updateMailbox(batch, "local_part", localPart(e.newAddress()), e.mailboxId(), e.oldAddress());
    aliasDomains.mailboxRenamed(e.mailboxId(), e.newAddress(), batch);
  }

  private void on(MailboxDeletedEvent e, WriteBatch batch) {
    aliasDomains.sourceDeleted(e.mailboxId(), e.address(), batch);
    batch.delete(upsertMailbox, "mailbox " + e.address(), RowId.of(e.mailboxId()));
  }

  private void on(AliasCreatedEvent e, WriteBatch batch) {
    long aliasId = RowId.of(e.aliasId());
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
    aliasDomains.aliasCreated(e, batch);
  }

  private void on(AliasRecipientAddedEvent e, WriteBatch batch) {
    batch.upsert(
        upsertRecipient,
        RowId.of(e.aliasId(), e.recipient()),
        RowId.of(e.aliasId()),
        e.recipient(),
        null);
    if (AliasDomainExpansion.isCatchAll(e.address())) {
      aliasDomains.catchAllRecipientAdded(e.aliasId(), e.address(), e.recipient(), batch);
    }
  }

  private void on(AliasRecipientRemovedEvent e, WriteBatch batch) {
    batch.delete(
        upsertRecipient,
        "recipient " + e.recipient() + " of alias " + e.address(),
        RowId.of(e.aliasId(), e.recipient()));
    if (AliasDomainExpansion.isCatchAll(e.address())) {
      aliasDomains.catchAllRecipientRemoved(e.aliasId(), e.address(), e.recipient(), batch);
    }
  }

  private void on(AliasSenderAddedEvent e, WriteBatch batch) {
    batch.upsert(
        upsertSender,
        RowId.of(e.aliasId(), e.mailboxId()),
        RowId.of(e.aliasId()),
        RowId.of(e.mailboxId()));
    aliasDomains.aliasSenderAdded(e.aliasId(), e.address(), e.mailboxId(), batch);
  }

  private void on(AliasSenderRemovedEvent e, WriteBatch batch) {
    batch.delete(
        upsertSender,
        "sender " + e.mailboxAddress() + " of alias " + e.address(),
        RowId.of(e.aliasId(), e.mailboxId()));
    aliasDomains.aliasSenderRemoved(e.aliasId(), e.address(), e.mailboxId(), batch);
  }

  private void on(AliasDescriptionChangedEvent e, WriteBatch batch) {
    updateAlias(batch, "description", e.description(), e.aliasId(), e.address());
  }

  private void on(AliasActivatedEvent e, WriteBatch batch) {
    updateAlias(batch, "active", true, e.aliasId(), e.address());
    aliasDomains.aliasActive(e.aliasId(), e.address(), true, batch);
  }

  private void on(AliasDeactivatedEvent e, WriteBatch batch) {
    updateAlias(batch, "active", false, e.aliasId(), e.address());
    aliasDomains.aliasActive(e.aliasId(), e.address(), false, batch);
  }

  private void on(AliasDeletedEvent e, WriteBatch batch) {
    aliasDomains.sourceDeleted(e.aliasId(), e.address(), batch);
    long aliasId = RowId.of(e.aliasId());
    batch.deleteWhere(upsertRecipient, "alias_id", aliasId);
    batch.deleteWhere(upsertSender, "alias_id", aliasId);
    batch.delete(upsertAlias, "alias " + e.address(), aliasId);
  }

  private void on(TlsPolicySetEvent e, WriteBatch batch) {
    batch.upsert(
        upsertTlsPolicy,
        RowId.of(e.destination()),
        e.destination(),
        e.policy(),
        e.params().isEmpty() ? null : e.params(),
        e.description(),
        true);
  }

  private void on(TlsPolicyRemovedEvent e, WriteBatch batch) {
    batch.delete(upsertTlsPolicy, "TLS policy " + e.destination(), RowId.of(e.destination()));
  }

  private void updateMailbox(
      WriteBatch batch, String column, Object value, String mailboxId, String address) {
    batch.update(upsertMailbox, "mailbox " + address, RowId.of(mailboxId), List.of(column), value);
  }

  private void updateAlias(
      WriteBatch batch, String column, Object value, String aliasId, String address) {
    batch.update(upsertAlias, "alias " + address, RowId.of(aliasId), List.of(column), value);
  }

  /** MUM keeps quotas in whole GB; a quota that is not a whole number of GB is rounded up. */
  private static long gigabytes(long bytes) {
    return Quota.ofBytes(bytes).gigabytes();
  }

  private static String localPart(String address) {
    return address.substring(0, address.lastIndexOf('@'));
  }
}
