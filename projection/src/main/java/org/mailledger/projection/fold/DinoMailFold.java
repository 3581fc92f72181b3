package org.mailledger.projection.fold;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
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
 * Folds the log into the rows of the tables behind DinoMail's views, in memory, and derives the
 * views' rows from them in Java. Written apart from {@code DinoMailWriter} and the views' SQL on
 * purpose: it is the cross-check of {@code ops verify --layout dinomail} and the source of {@code
 * ops export}. It shares with them only the contract: the event records, {@link RowId}, the
 * columns.
 *
 * <p>The contract: a row per domain, alias domain, mailbox (quota in bytes), alias (the catch-all
 * with the empty local part) and alias recipient, each with its active flag where it has one, ids
 * from the aggregates' identities. Domain settings, mailbox names and send-only flags, alias
 * senders and descriptions and TLS policies have no column here.
 */
public final class DinoMailFold extends LayoutFold {

  private static final String DOMAIN = DinoMailTables.TABLES.get(0);
  private static final String ALIAS_DOMAIN = DinoMailTables.TABLES.get(1);
  private static final String USER = DinoMailTables.TABLES.get(2);
  private static final String ALIAS = DinoMailTables.TABLES.get(3);
  private static final String RECIPIENT = DinoMailTables.TABLES.get(4);

  private final String viewPrefix;

  public DinoMailFold(String viewPrefix) {
    this(viewPrefix, (position, event) -> true);
  }

  public DinoMailFold(String viewPrefix, BiPredicate<Long, Object> include) {
    super(DinoMailTables.of(viewPrefix), include);
    this.viewPrefix = viewPrefix;
  }

  @Override
  void apply(long at, Instant time, Object event) {
    if (event instanceof DomainCreatedEvent e) {
      rows.put(DOMAIN, RowId.of(e.domainId()), e.name(), true);
    } else if (event instanceof DomainActivatedEvent e) {
      set(at, DOMAIN, RowId.of(e.domainId()), "active", true);
    } else if (event instanceof DomainDeactivatedEvent e) {
      set(at, DOMAIN, RowId.of(e.domainId()), "active", false);
    } else if (event instanceof DomainDeletedEvent e) {
      remove(at, DOMAIN, RowId.of(e.domainId()));
    } else if (event instanceof MailboxCreatedEvent e) {
      rows.put(
          USER,
          RowId.of(e.mailboxId()),
          RowId.of(e.domainId()),
          e.address(),
          localPart(e.address()),
          e.passwordHash(),
          e.quotaBytes(),
          true);
    } else if (event instanceof MailboxPasswordChangedEvent e) {
      set(at, USER, RowId.of(e.mailboxId()), "password", e.passwordHash());
    } else if (event instanceof MailboxQuotaChangedEvent e) {
      set(at, USER, RowId.of(e.mailboxId()), "quota", e.quotaBytes());
    } else if (event instanceof MailboxActivatedEvent e) {
      set(at, USER, RowId.of(e.mailboxId()), "active", true);
    } else if (event instanceof MailboxDeactivatedEvent e) {
      set(at, USER, RowId.of(e.mailboxId()), "active", false);
    } else if (event instanceof MailboxRenamedEvent e) {
      Map<String, Object> user = row(at, USER, RowId.of(e.mailboxId()));
      if (user != null) {
        user.put("email", e.newAddress());
        user.put("local_part", localPart(e.newAddress()));
      }
    } else if (event instanceof MailboxDeletedEvent e) {
      remove(at, USER, RowId.of(e.mailboxId()));
    } else if (event instanceof AliasCreatedEvent e) {
      long alias = RowId.of(e.aliasId());
      rows.put(ALIAS, alias, RowId.of(e.domainId()), e.address(), localPart(e.address()), true);
      for (String destination : e.recipients()) {
        rows.put(RECIPIENT, RowId.of(e.aliasId(), destination), alias, destination);
      }
    } else if (event instanceof AliasRecipientAddedEvent e) {
      rows.put(
          RECIPIENT, RowId.of(e.aliasId(), e.recipient()), RowId.of(e.aliasId()), e.recipient());
    } else if (event instanceof AliasRecipientRemovedEvent e) {
      remove(at, RECIPIENT, RowId.of(e.aliasId(), e.recipient()));
    } else if (event instanceof AliasActivatedEvent e) {
      set(at, ALIAS, RowId.of(e.aliasId()), "active", true);
    } else if (event instanceof AliasDeactivatedEvent e) {
      set(at, ALIAS, RowId.of(e.aliasId()), "active", false);
    } else if (event instanceof AliasDeletedEvent e) {
      long alias = RowId.of(e.aliasId());
      rows.table(RECIPIENT).values().removeIf(r -> alias == (Long) r.get("alias_id"));
      remove(at, ALIAS, alias);
    } else if (event instanceof AliasDomainCreatedEvent e) {
      rows.put(ALIAS_DOMAIN, RowId.of(e.aliasDomainId()), e.aliasDomain(), e.targetDomain(), true);
    } else if (event instanceof AliasDomainActivatedEvent e) {
      set(at, ALIAS_DOMAIN, RowId.of(e.aliasDomainId()), "active", true);
    } else if (event instanceof AliasDomainDeactivatedEvent e) {
      set(at, ALIAS_DOMAIN, RowId.of(e.aliasDomainId()), "active", false);
    } else if (event instanceof AliasDomainDeletedEvent e) {
      remove(at, ALIAS_DOMAIN, RowId.of(e.aliasDomainId()));
    }
  }

  /**
   * DinoMail's tables have no active flags, so its views show only what is active, in active
   * domains. An active alias domain B of an active domain A is a domain too, and gives every active
   * mailbox and active alias x@A the alias x@B to x@A; A's active catch-all gives B's catch-all the
   * same destinations. An expanded row's id combines B's id and the source row's: (B mod 2^32) ×
   * 2^31 + (source mod 2^31).
   */
  @Override
  void derive(LayoutRows all) {
    String domains = DinoMailTables.domains(viewPrefix);
    String users = DinoMailTables.users(viewPrefix);
    String aliases = DinoMailTables.aliases(viewPrefix);
    Map<Object, Map<String, Object>> domainRows = all.table(DOMAIN);
    for (Map<String, Object> d : domainRows.values()) {
      if (active(d)) {
        all.put(domains, d.get("id"), d.get("name"));
      }
    }
    for (Map<String, Object> u : all.table(USER).values()) {
      if (active(u) && active(domainRows.get(u.get("domain_id")))) {
        all.put(
            users,
            u.get("id"),
            u.get("domain_id"),
            u.get("email"),
            u.get("password"),
            u.get("quota"));
      }
    }
    for (Map<String, Object> r : all.table(RECIPIENT).values()) {
      Map<String, Object> a = all.table(ALIAS).get(r.get("alias_id"));
      if (active(a) && active(domainRows.get(a.get("domain_id")))) {
        all.put(aliases, r.get("id"), a.get("domain_id"), a.get("source"), r.get("destination"));
      }
    }
    for (Map<String, Object> b : all.table(ALIAS_DOMAIN).values()) {
      List<Map<String, Object>> targets =
          domainRows.values().stream()
              .filter(d -> active(d) && d.get("name").equals(b.get("target_domain")))
              .toList();
      if (!active(b) || targets.isEmpty()) {
        continue;
      }
      long bId = (Long) b.get("id");
      Object target = targets.get(0).get("id");
      String name = (String) b.get("name");
      all.put(domains, bId, name);
      for (Map<String, Object> u : all.table(USER).values()) {
        if (active(u) && target.equals(u.get("domain_id"))) {
          all.put(
              aliases,
              expanded(bId, (Long) u.get("id")),
              bId,
              u.get("local_part") + "@" + name,
              u.get("email"));
        }
      }
      for (Map<String, Object> a : all.table(ALIAS).values()) {
        if (!active(a) || !target.equals(a.get("domain_id"))) {
          continue;
        }
        if (!"".equals(a.get("local_part"))) {
          all.put(
              aliases,
              expanded(bId, (Long) a.get("id")),
              bId,
              a.get("local_part") + "@" + name,
              a.get("source"));
        } else {
          for (Map<String, Object> r : all.table(RECIPIENT).values()) {
            if (a.get("id").equals(r.get("alias_id"))) {
              all.put(
                  aliases,
                  expanded(bId, (Long) r.get("id")),
                  bId,
                  "@" + name,
                  r.get("destination"));
            }
          }
        }
      }
    }
  }

  private static long expanded(long aliasDomain, long source) {
    return (aliasDomain % 4294967296L) * 2147483648L + (source % 2147483648L);
  }

  private static boolean active(Map<String, Object> row) {
    return row != null && Boolean.TRUE.equals(row.get("active"));
  }
}
