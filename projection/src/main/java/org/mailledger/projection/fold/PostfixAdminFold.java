package org.mailledger.projection.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
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
 * Folds the log into the rows PostfixAdmin's tables should hold, in memory. Written apart from
 * {@code PostfixAdminWriter} on purpose, from the layout's contract (README, the table comments):
 * it is the cross-check of {@code ops verify --layout postfixadmin} and the source of {@code ops
 * export}. Where the writer edits {@code goto} with string functions, this keeps it as the list of
 * recipients; where the writer guards an alias domain's rows by their target, this looks the rows
 * up and checks.
 *
 * <p>The contract: a domain row per hosted domain ({@code maxquota} its per-mailbox limit in MiB
 * rounded up, {@code quota} 0, transport {@code virtual}) and one per alias domain (described
 * "Alias domain of TARGET", limits 0); a mailbox row per mailbox (quota in bytes, maildir the last
 * part of its home with a slash) with an alias row pointing to itself that is switched with it; an
 * alias row per alias, {@code goto} its recipients comma-separated in the order they were added; an
 * {@code alias_domain} row per alias domain. {@code created} is the time stamp of the event that
 * made the row, {@code modified} of the last that changed it. Senders, send-only flags,
 * descriptions of aliases and TLS policies have no column here.
 */
public final class PostfixAdminFold extends LayoutFold {

  private static final long MIB = 1024L * 1024L;

  public PostfixAdminFold() {
    this((position, event) -> true);
  }

  public PostfixAdminFold(BiPredicate<Long, Object> include) {
    super(PostfixAdminTables.LAYOUT, include);
  }

  @Override
  void apply(long at, Instant time, Object event) {
    if (event instanceof DomainCreatedEvent e) {
      rows.put(
          "domain",
          e.name(),
          text(e.description()),
          e.maxAliases(),
          e.maxMailboxes(),
          (e.maxQuotaBytes() + MIB - 1) / MIB,
          0,
          "virtual",
          false,
          time,
          time,
          true);
    } else if (event instanceof DomainSettingsChangedEvent e) {
      Map<String, Object> row = row(at, "domain", e.name());
      if (row != null) {
        row.put("description", text(e.description()));
        row.put("aliases", (long) e.maxAliases());
        row.put("mailboxes", (long) e.maxMailboxes());
        row.put("maxquota", (e.maxQuotaBytes() + MIB - 1) / MIB);
        row.put("modified", time);
      }
    } else if (event instanceof DomainActivatedEvent e) {
      change(at, time, "domain", e.name(), "active", true);
    } else if (event instanceof DomainDeactivatedEvent e) {
      change(at, time, "domain", e.name(), "active", false);
    } else if (event instanceof DomainDeletedEvent e) {
      remove(at, "domain", e.name());
    } else if (event instanceof MailboxCreatedEvent e) {
      String home = e.home();
      rows.put(
          "mailbox",
          e.address(),
          e.passwordHash(),
          text(e.name()),
          home.substring(home.lastIndexOf('/') + 1) + "/",
          e.quotaBytes(),
          localPart(e.address()),
          domainPart(e.address()),
          time,
          time,
          true);
      rows.put("alias", e.address(), e.address(), domainPart(e.address()), time, time, true);
    } else if (event instanceof MailboxPasswordChangedEvent e) {
      change(at, time, "mailbox", e.address(), "password", e.passwordHash());
    } else if (event instanceof MailboxQuotaChangedEvent e) {
      change(at, time, "mailbox", e.address(), "quota", e.quotaBytes());
    } else if (event instanceof MailboxNameChangedEvent e) {
      change(at, time, "mailbox", e.address(), "name", text(e.name()));
    } else if (event instanceof MailboxActivatedEvent e) {
      change(at, time, "mailbox", e.address(), "active", true);
      change(at, time, "alias", e.address(), "active", true);
    } else if (event instanceof MailboxDeactivatedEvent e) {
      change(at, time, "mailbox", e.address(), "active", false);
      change(at, time, "alias", e.address(), "active", false);
    } else if (event instanceof MailboxRenamedEvent e) {
      Map<String, Object> mailbox = rekey(at, "mailbox", e.oldAddress(), e.newAddress(), time);
      if (mailbox != null) {
        mailbox.put("local_part", localPart(e.newAddress()));
      }
      Map<String, Object> own = rekey(at, "alias", e.oldAddress(), e.newAddress(), time);
      if (own != null) {
        own.put("goto", e.newAddress());
      }
    } else if (event instanceof MailboxDeletedEvent e) {
      remove(at, "alias", e.address());
      remove(at, "mailbox", e.address());
    } else if (event instanceof AliasCreatedEvent e) {
      rows.put(
          "alias",
          e.address(),
          String.join(",", e.recipients()),
          domainPart(e.address()),
          time,
          time,
          true);
    } else if (event instanceof AliasRecipientAddedEvent e) {
      Map<String, Object> alias = row(at, "alias", e.address());
      if (alias != null) {
        List<String> recipients = recipients(alias);
        recipients.add(e.recipient());
        alias.put("goto", String.join(",", recipients));
        alias.put("modified", time);
      }
    } else if (event instanceof AliasRecipientRemovedEvent e) {
      Map<String, Object> alias = row(at, "alias", e.address());
      if (alias != null) {
        List<String> recipients = recipients(alias);
        recipients.remove(e.recipient());
        alias.put("goto", String.join(",", recipients));
        alias.put("modified", time);
      }
    } else if (event instanceof AliasActivatedEvent e) {
      change(at, time, "alias", e.address(), "active", true);
    } else if (event instanceof AliasDeactivatedEvent e) {
      change(at, time, "alias", e.address(), "active", false);
    } else if (event instanceof AliasDeletedEvent e) {
      remove(at, "alias", e.address());
    } else if (event instanceof AliasDomainCreatedEvent e) {
      rows.put(
          "domain",
          e.aliasDomain(),
          aliasDomainDescription(e.targetDomain()),
          0,
          0,
          0,
          0,
          "virtual",
          false,
          time,
          time,
          true);
      rows.put("alias_domain", e.aliasDomain(), e.targetDomain(), time, time, true);
    } else if (event instanceof AliasDomainActivatedEvent e) {
      aliasDomainActive(e.aliasDomain(), e.targetDomain(), true, time);
    } else if (event instanceof AliasDomainDeactivatedEvent e) {
      aliasDomainActive(e.aliasDomain(), e.targetDomain(), false, time);
    } else if (event instanceof AliasDomainDeletedEvent e) {
      Map<String, Object> link = rows.table("alias_domain").get(e.aliasDomain());
      if (link != null && e.targetDomain().equals(link.get("target_domain"))) {
        rows.table("alias_domain").remove(e.aliasDomain());
      }
      Map<String, Object> own = ownDomainRow(e.aliasDomain(), e.targetDomain());
      if (own != null && !rows.table("alias_domain").containsKey(e.aliasDomain())) {
        rows.table("domain").remove(e.aliasDomain());
      }
    }
  }

  /**
   * An alias domain's name can pass to an alias domain of another target: an event of the one
   * before touches its rows only while they are still its own (the same target).
   */
  private void aliasDomainActive(String name, String target, boolean active, Instant time) {
    Map<String, Object> link = rows.table("alias_domain").get(name);
    if (link != null && target.equals(link.get("target_domain"))) {
      link.put("active", active);
      link.put("modified", time);
    }
    Map<String, Object> own = ownDomainRow(name, target);
    if (own != null) {
      own.put("active", active);
      own.put("modified", time);
    }
  }

  /** The domain row of alias domain {@code name} of {@code target}, if it is still there. */
  private Map<String, Object> ownDomainRow(String name, String target) {
    Map<String, Object> row = rows.table("domain").get(name);
    return row != null && aliasDomainDescription(target).equals(row.get("description"))
        ? row
        : null;
  }

  private void change(long at, Instant time, String table, String key, String column, Object to) {
    Map<String, Object> row = set(at, table, key, column, to);
    if (row != null) {
      row.put("modified", time);
    }
  }

  /**
   * Moves a row to a new key (a renamed mailbox), marked modified; null and a warning if absent.
   */
  private Map<String, Object> rekey(long at, String table, String from, String to, Instant time) {
    Map<String, Object> row = rows.table(table).remove(from);
    if (row == null) {
      warn(at, "no " + table + " row " + from + " to rename");
      return null;
    }
    row.put(PostfixAdminTables.LAYOUT.key(table), to);
    row.put("modified", time);
    rows.table(table).put(to, row);
    return row;
  }

  private static List<String> recipients(Map<String, Object> alias) {
    String list = (String) alias.get("goto");
    return list.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(list.split(",")));
  }

  static String aliasDomainDescription(String target) {
    return "Alias domain of " + target;
  }

  private static String text(String text) {
    return text == null ? "" : text;
  }
}
