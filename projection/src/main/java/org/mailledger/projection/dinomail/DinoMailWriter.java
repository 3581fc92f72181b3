package org.mailledger.projection.dinomail;

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
import org.mailledger.schema.alias.AliasRecipientAddedEvent;
import org.mailledger.schema.alias.AliasRecipientRemovedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainActivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainCreatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeactivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeletedEvent;
import org.mailledger.schema.domain.DomainActivatedEvent;
import org.mailledger.schema.domain.DomainCreatedEvent;
import org.mailledger.schema.domain.DomainDeactivatedEvent;
import org.mailledger.schema.domain.DomainDeletedEvent;
import org.mailledger.schema.mailbox.MailboxActivatedEvent;
import org.mailledger.schema.mailbox.MailboxCreatedEvent;
import org.mailledger.schema.mailbox.MailboxDeactivatedEvent;
import org.mailledger.schema.mailbox.MailboxDeletedEvent;
import org.mailledger.schema.mailbox.MailboxPasswordChangedEvent;
import org.mailledger.schema.mailbox.MailboxQuotaChangedEvent;
import org.mailledger.schema.mailbox.MailboxRenamedEvent;

/**
 * The writes of DinoMail's layout for each event, into the tables behind DinoMail's views. Row ids
 * derive from aggregate identities ({@link RowId}), so no write reads a table. Domain settings,
 * mailbox names and send-only flags, alias senders and descriptions, and TLS policies have no place
 * in DinoMail's tables and are left out.
 */
public final class DinoMailWriter implements LayoutWriter {

  /** The tables this writer keeps, parents first. */
  public static final List<String> TABLES =
      List.of(
          "mailledger_dinomail_domain",
          "mailledger_dinomail_alias_domain",
          "mailledger_dinomail_user",
          "mailledger_dinomail_alias",
          "mailledger_dinomail_alias_recipient");

  private final String prefix;
  private final String domain;
  private final String aliasDomain;
  private final String user;
  private final String alias;
  private final String recipient;
  private final Upsert upsertDomain;
  private final Upsert upsertAliasDomain;
  private final Upsert upsertUser;
  private final Upsert upsertAlias;
  private final Upsert upsertRecipient;

  /**
   * @param prefix put before every table name: empty for the live tables
   */
  public DinoMailWriter(Dialect dialect, String prefix) {
    this.prefix = prefix;
    domain = prefix + TABLES.get(0);
    aliasDomain = prefix + TABLES.get(1);
    user = prefix + TABLES.get(2);
    alias = prefix + TABLES.get(3);
    recipient = prefix + TABLES.get(4);
    upsertDomain = new Upsert(dialect, domain, List.of("id", "name", "active"));
    upsertAliasDomain =
        new Upsert(dialect, aliasDomain, List.of("id", "name", "target_domain", "active"));
    upsertUser =
        new Upsert(
            dialect,
            user,
            List.of("id", "domain_id", "email", "local_part", "password", "quota", "active"));
    upsertAlias =
        new Upsert(dialect, alias, List.of("id", "domain_id", "source", "local_part", "active"));
    upsertRecipient = new Upsert(dialect, recipient, List.of("id", "alias_id", "destination"));
  }

  @Override
  public WriteBatch newBatch() {
    return new OrderedBatch(TABLES.stream().map(t -> prefix + t).toList());
  }

  @Override
  public boolean apply(Object event, Instant timestamp, WriteBatch batch) {
    if (event instanceof DomainCreatedEvent e) {
      batch.upsert(upsertDomain, RowId.of(e.domainId()), e.name(), true);
    } else if (event instanceof DomainActivatedEvent e) {
      setActive(batch, domain, e.domainId(), "domain " + e.name(), true);
    } else if (event instanceof DomainDeactivatedEvent e) {
      setActive(batch, domain, e.domainId(), "domain " + e.name(), false);
    } else if (event instanceof DomainDeletedEvent e) {
      delete(batch, domain, e.domainId(), "domain " + e.name());
    } else if (event instanceof MailboxCreatedEvent e) {
      batch.upsert(
          upsertUser,
          RowId.of(e.mailboxId()),
          RowId.of(e.domainId()),
          e.address(),
          localPart(e.address()),
          e.passwordHash(),
          e.quotaBytes(),
          true);
    } else if (event instanceof MailboxPasswordChangedEvent e) {
      update(batch, user, "password = ?", e.passwordHash(), e.mailboxId(), "user " + e.address());
    } else if (event instanceof MailboxQuotaChangedEvent e) {
      update(batch, user, "quota = ?", e.quotaBytes(), e.mailboxId(), "user " + e.address());
    } else if (event instanceof MailboxActivatedEvent e) {
      setActive(batch, user, e.mailboxId(), "user " + e.address(), true);
    } else if (event instanceof MailboxDeactivatedEvent e) {
      setActive(batch, user, e.mailboxId(), "user " + e.address(), false);
    } else if (event instanceof MailboxRenamedEvent e) {
      batch.execute(
          "UPDATE " + user + " SET email = ?, local_part = ? WHERE id = ?",
          "user " + e.oldAddress(),
          e.newAddress(),
          localPart(e.newAddress()),
          RowId.of(e.mailboxId()));
    } else if (event instanceof MailboxDeletedEvent e) {
      delete(batch, user, e.mailboxId(), "user " + e.address());
    } else if (event instanceof AliasCreatedEvent e) {
      long aliasId = RowId.of(e.aliasId());
      batch.upsert(
          upsertAlias, aliasId, RowId.of(e.domainId()), e.address(), localPart(e.address()), true);
      for (String destination : e.recipients()) {
        batch.upsert(upsertRecipient, RowId.of(e.aliasId(), destination), aliasId, destination);
      }
    } else if (event instanceof AliasRecipientAddedEvent e) {
      batch.upsert(
          upsertRecipient,
          RowId.of(e.aliasId(), e.recipient()),
          RowId.of(e.aliasId()),
          e.recipient());
    } else if (event instanceof AliasRecipientRemovedEvent e) {
      batch.execute(
          "DELETE FROM " + recipient + " WHERE id = ?",
          "destination " + e.recipient() + " of alias " + e.address(),
          RowId.of(e.aliasId(), e.recipient()));
    } else if (event instanceof AliasActivatedEvent e) {
      setActive(batch, alias, e.aliasId(), "alias " + e.address(), true);
    } else if (event instanceof AliasDeactivatedEvent e) {
      setActive(batch, alias, e.aliasId(), "alias " + e.address(), false);
    } else if (event instanceof AliasDeletedEvent e) {
      long aliasId = RowId.of(e.aliasId());
      batch.execute("DELETE FROM " + recipient + " WHERE alias_id = ?", null, aliasId);
      batch.execute("DELETE FROM " + alias + " WHERE id = ?", "alias " + e.address(), aliasId);
    } else if (event instanceof AliasDomainCreatedEvent e) {
      batch.upsert(
          upsertAliasDomain, RowId.of(e.aliasDomainId()), e.aliasDomain(), e.targetDomain(), true);
    } else if (event instanceof AliasDomainActivatedEvent e) {
      setActive(batch, aliasDomain, e.aliasDomainId(), "alias domain " + e.aliasDomain(), true);
    } else if (event instanceof AliasDomainDeactivatedEvent e) {
      setActive(batch, aliasDomain, e.aliasDomainId(), "alias domain " + e.aliasDomain(), false);
    } else if (event instanceof AliasDomainDeletedEvent e) {
      delete(batch, aliasDomain, e.aliasDomainId(), "alias domain " + e.aliasDomain());
    } else {
      return false;
    }
    return true;
  }

  private static void setActive(
      WriteBatch batch, String table, String aggregateId, String what, boolean active) {
    update(batch, table, "active = ?", active, aggregateId, what);
  }

  private static void update(
      WriteBatch batch,
      String table,
      String assignment,
      Object value,
      String aggregateId,
      String what) {
    batch.execute(
        "UPDATE " + table + " SET " + assignment + " WHERE id = ?",
        what,
        value,
        RowId.of(aggregateId));
  }

  private static void delete(WriteBatch batch, String table, String aggregateId, String what) {
    batch.execute("DELETE FROM " + table + " WHERE id = ?", what, RowId.of(aggregateId));
  }

  private static String localPart(String address) {
    return address.substring(0, address.lastIndexOf('@'));
  }
}
