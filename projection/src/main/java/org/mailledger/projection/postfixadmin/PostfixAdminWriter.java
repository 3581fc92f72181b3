package org.mailledger.projection.postfixadmin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.mailledger.projection.layout.LayoutWriter;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.projection.lookup.OrderedBatch;
import org.mailledger.projection.lookup.Upsert;
import org.mailledger.projection.lookup.WriteBatch;
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
import org.mailledger.schema.domain.DomainSettingsChangedEvent;
import org.mailledger.schema.mailbox.MailboxActivatedEvent;
import org.mailledger.schema.mailbox.MailboxCreatedEvent;
import org.mailledger.schema.mailbox.MailboxDeactivatedEvent;
import org.mailledger.schema.mailbox.MailboxDeletedEvent;
import org.mailledger.schema.mailbox.MailboxNameChangedEvent;
import org.mailledger.schema.mailbox.MailboxPasswordChangedEvent;
import org.mailledger.schema.mailbox.MailboxQuotaChangedEvent;
import org.mailledger.schema.mailbox.MailboxRenamedEvent;

/**
 * The writes of PostfixAdmin's layout for each event. Rows are keyed as PostfixAdmin keys them, by
 * domain name, mailbox address and alias address, which every event carries, so no write needs to
 * read a table. Like PostfixAdmin, each mailbox has an alias row pointing to itself, whose active
 * flag follows the mailbox's; an alias's {@code goto} is its recipients comma-separated in the
 * order they were added, kept by string functions in the UPDATE itself; {@code created} and {@code
 * modified} are the time stamps of the events. Mailledger's alias senders, send-only flags, alias
 * descriptions and TLS policies have no place in PostfixAdmin's tables and are left out.
 */
public final class PostfixAdminWriter implements LayoutWriter {

  /** The layout's tables, parents first. */
  public static final List<String> TABLES = List.of("domain", "mailbox", "alias", "alias_domain");

  private static final long MIB = 1024L * 1024;

  private final Dialect dialect;
  private final String prefix;
  private final Upsert upsertDomain;
  private final Upsert upsertMailbox;
  private final Upsert upsertAlias;
  private final Upsert upsertAliasDomain;
  private final String domain;
  private final String mailbox;
  private final String alias;
  private final String aliasDomain;

  /**
   * @param prefix put before every table name: empty for the live tables
   */
  public PostfixAdminWriter(Dialect dialect, String prefix) {
    this.dialect = dialect;
    this.prefix = prefix;
    domain = prefix + "domain";
    mailbox = prefix + "mailbox";
    alias = prefix + "alias";
    aliasDomain = prefix + "alias_domain";
    upsertDomain =
        new Upsert(
            dialect,
            domain,
            List.of(
                "domain",
                "description",
                "aliases",
                "mailboxes",
                "maxquota",
                "quota",
                "transport",
                "backupmx",
                "created",
                "modified",
                "active"));
    upsertMailbox =
        new Upsert(
            dialect,
            mailbox,
            List.of(
                "username",
                "password",
                "name",
                "maildir",
                "quota",
                "local_part",
                "domain",
                "created",
                "modified",
                "active"));
    upsertAlias =
        new Upsert(
            dialect, alias, List.of("address", "goto", "domain", "created", "modified", "active"));
    upsertAliasDomain =
        new Upsert(
            dialect,
            aliasDomain,
            List.of("alias_domain", "target_domain", "created", "modified", "active"));
  }

  @Override
  public WriteBatch newBatch() {
    return new OrderedBatch(TABLES.stream().map(t -> prefix + t).toList());
  }

  @Override
  public boolean apply(Object event, Instant timestamp, WriteBatch batch) {
    Object at = time(timestamp);
    if (event instanceof DomainCreatedEvent e) {
      batch.upsert(
          upsertDomain,
          e.name(),
          nonNull(e.description()),
          e.maxAliases(),
          e.maxMailboxes(),
          megabytes(e.maxQuotaBytes()),
          0L,
          "virtual",
          false,
          at,
          at,
          true);
    } else if (event instanceof DomainSettingsChangedEvent e) {
      batch.execute(
          "UPDATE "
              + domain
              + " SET description = ?, aliases = ?, mailboxes = ?, maxquota = ?, modified = ?"
              + " WHERE domain = ?",
          "domain " + e.name(),
          nonNull(e.description()),
          e.maxAliases(),
          e.maxMailboxes(),
          megabytes(e.maxQuotaBytes()),
          at,
          e.name());
    } else if (event instanceof DomainActivatedEvent e) {
      setActive(batch, domain, "domain", e.name(), true, at);
    } else if (event instanceof DomainDeactivatedEvent e) {
      setActive(batch, domain, "domain", e.name(), false, at);
    } else if (event instanceof DomainDeletedEvent e) {
      batch.execute("DELETE FROM " + domain + " WHERE domain = ?", "domain " + e.name(), e.name());
    } else if (event instanceof MailboxCreatedEvent e) {
      String domainName = domainPart(e.address());
      batch.upsert(
          upsertMailbox,
          e.address(),
          e.passwordHash(),
          nonNull(e.name()),
          maildir(e.home()),
          e.quotaBytes(),
          localPart(e.address()),
          domainName,
          at,
          at,
          true);
      batch.upsert(upsertAlias, e.address(), e.address(), domainName, at, at, true);
    } else if (event instanceof MailboxPasswordChangedEvent e) {
      updateMailbox(batch, "password = ?", e.passwordHash(), e.address(), at);
    } else if (event instanceof MailboxQuotaChangedEvent e) {
      updateMailbox(batch, "quota = ?", e.quotaBytes(), e.address(), at);
    } else if (event instanceof MailboxNameChangedEvent e) {
      updateMailbox(batch, "name = ?", nonNull(e.name()), e.address(), at);
    } else if (event instanceof MailboxActivatedEvent e) {
      mailboxActive(batch, e.address(), true, at);
    } else if (event instanceof MailboxDeactivatedEvent e) {
      mailboxActive(batch, e.address(), false, at);
    } else if (event instanceof MailboxRenamedEvent e) {
      batch.execute(
          "UPDATE "
              + mailbox
              + " SET username = ?, local_part = ?, modified = ? WHERE username = ?",
          "mailbox " + e.oldAddress(),
          e.newAddress(),
          localPart(e.newAddress()),
          at,
          e.oldAddress());
      batch.execute(
          "UPDATE " + alias + " SET address = ?, goto = ?, modified = ? WHERE address = ?",
          "alias of mailbox " + e.oldAddress(),
          e.newAddress(),
          e.newAddress(),
          at,
          e.oldAddress());
    } else if (event instanceof MailboxDeletedEvent e) {
      batch.execute(
          "DELETE FROM " + alias + " WHERE address = ?",
          "alias of mailbox " + e.address(),
          e.address());
      batch.execute(
          "DELETE FROM " + mailbox + " WHERE username = ?", "mailbox " + e.address(), e.address());
    } else if (event instanceof AliasCreatedEvent e) {
      batch.upsert(
          upsertAlias,
          e.address(),
          String.join(",", e.recipients()),
          domainPart(e.address()),
          at,
          at,
          true);
    } else if (event instanceof AliasRecipientAddedEvent e) {
      // The aggregate never adds a recipient twice, so appending is exact.
      batch.execute(
          "UPDATE "
              + alias
              + " SET goto = CASE WHEN goto = '' THEN ? ELSE CONCAT(goto, ',', ?) END,"
              + " modified = ? WHERE address = ?",
          "alias " + e.address(),
          e.recipient(),
          e.recipient(),
          at,
          e.address());
    } else if (event instanceof AliasRecipientRemovedEvent e) {
      batch.execute(
          "UPDATE "
              + alias
              + " SET goto = TRIM(BOTH ',' FROM REPLACE(CONCAT(',', goto, ','),"
              + " CONCAT(',', ?, ','), ',')), modified = ? WHERE address = ?",
          "alias " + e.address(),
          e.recipient(),
          at,
          e.address());
    } else if (event instanceof AliasActivatedEvent e) {
      setActive(batch, alias, "address", e.address(), true, at);
    } else if (event instanceof AliasDeactivatedEvent e) {
      setActive(batch, alias, "address", e.address(), false, at);
    } else if (event instanceof AliasDeletedEvent e) {
      batch.execute(
          "DELETE FROM " + alias + " WHERE address = ?", "alias " + e.address(), e.address());
    } else if (event instanceof AliasDomainCreatedEvent e) {
      // PostfixAdmin lists an alias domain among its domains: its Postfix domain query reads only
      // the domain table. The description marks the row as the alias domain's own.
      batch.upsert(
          upsertDomain,
          e.aliasDomain(),
          aliasDomainDescription(e.targetDomain()),
          0,
          0,
          0L,
          0L,
          "virtual",
          false,
          at,
          at,
          true);
      batch.upsert(upsertAliasDomain, e.aliasDomain(), e.targetDomain(), at, at, true);
    } else if (event instanceof AliasDomainActivatedEvent e) {
      aliasDomainActive(batch, e.aliasDomain(), e.targetDomain(), true, at);
    } else if (event instanceof AliasDomainDeactivatedEvent e) {
      aliasDomainActive(batch, e.aliasDomain(), e.targetDomain(), false, at);
    } else if (event instanceof AliasDomainDeletedEvent e) {
      batch.execute(
          "DELETE FROM " + aliasDomain + " WHERE alias_domain = ? AND target_domain = ?",
          "alias domain " + e.aliasDomain(),
          e.aliasDomain(),
          e.targetDomain());
      batch.execute(
          "DELETE FROM " + domain + " WHERE domain = ? AND description = ?",
          "domain row of alias domain " + e.aliasDomain(),
          e.aliasDomain(),
          aliasDomainDescription(e.targetDomain()));
    } else {
      return false;
    }
    return true;
  }

  private void updateMailbox(
      WriteBatch batch, String assignment, Object value, String address, Object at) {
    batch.execute(
        "UPDATE " + mailbox + " SET " + assignment + ", modified = ? WHERE username = ?",
        "mailbox " + address,
        value,
        at,
        address);
  }

  /** PostfixAdmin switches a mailbox's own alias row on and off with the mailbox. */
  private void mailboxActive(WriteBatch batch, String address, boolean active, Object at) {
    setActive(batch, mailbox, "username", address, active, at);
    setActive(batch, alias, "address", address, active, at);
  }

  /**
   * An alias domain's writes touch its rows only while they are its own (same target): a name may
   * pass to an alias domain of another target. That one's events share the name's sequence ({@link
   * PostfixAdminSequencingPolicy}), so they come after these: a row that is not there was changed
   * by hand, and the processor stops on it as on any other missing row.
   */
  private void aliasDomainActive(
      WriteBatch batch, String name, String target, boolean active, Object at) {
    batch.execute(
        "UPDATE "
            + aliasDomain
            + " SET active = ?, modified = ? WHERE alias_domain = ? AND target_domain = ?",
        "alias domain " + name,
        active,
        at,
        name,
        target);
    batch.execute(
        "UPDATE " + domain + " SET active = ?, modified = ? WHERE domain = ? AND description = ?",
        "domain row of alias domain " + name,
        active,
        at,
        name,
        aliasDomainDescription(target));
  }

  static String aliasDomainDescription(String target) {
    return "Alias domain of " + target;
  }

  private static void setActive(
      WriteBatch batch, String table, String key, String value, boolean active, Object at) {
    batch.execute(
        "UPDATE " + table + " SET active = ?, modified = ? WHERE " + key + " = ?",
        table + " " + value,
        active,
        at,
        value);
  }

  /** As the column types take it: timestamptz on PostgreSQL, DATETIME in UTC on MySQL. */
  private Object time(Instant at) {
    return dialect == Dialect.POSTGRESQL
        ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC)
        : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /**
   * PostfixAdmin's maildir is relative to the mail root and ends with a slash (Maildir format): the
   * mailbox's own directory, named by its id as the home directory is.
   */
  static String maildir(String home) {
    return home.substring(home.lastIndexOf('/') + 1) + "/";
  }

  /** PostfixAdmin keeps a domain's per-mailbox limit in MB; a part of one counts as a whole. */
  static long megabytes(long bytes) {
    return (bytes + MIB - 1) / MIB;
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }

  private static String localPart(String address) {
    return address.substring(0, address.lastIndexOf('@'));
  }

  private static String domainPart(String address) {
    return address.substring(address.lastIndexOf('@') + 1);
  }
}
