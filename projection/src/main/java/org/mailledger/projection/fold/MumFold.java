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

/**
 * Folds the log into the rows the {@code mum} tables should hold, in memory, and derives the rows
 * an alias domain expands into afresh from them ({@link #derive}).
 */
public final class MumFold extends LayoutFold {

  private static final long GIB = 1024L * 1024L * 1024L;

  public MumFold() {
    this((position, event) -> true);
  }

  public MumFold(BiPredicate<Long, Object> include) {
    super(MumTables.LAYOUT, include);
  }

  @Override
  void apply(long at, Instant time, Object event) {
    if (event instanceof DomainCreatedEvent e) {
      rows.put(
          "domains",
          RowId.of(e.domainId()),
          e.domainId(),
          e.name(),
          e.description(),
          gigabytes(e.defaultQuotaBytes()),
          gigabytes(e.maxQuotaBytes()),
          e.maxAliases(),
          e.maxMailboxes(),
          null,
          true,
          null,
          null);
    } else if (event instanceof DomainSettingsChangedEvent e) {
      var row = row(at, "domains", RowId.of(e.domainId()));
      if (row != null) {
        row.put("description", e.description());
        row.put("quota", gigabytes(e.defaultQuotaBytes()));
        row.put("max_quota", gigabytes(e.maxQuotaBytes()));
        row.put("max_aliases", (long) e.maxAliases());
        row.put("max_mailboxes", (long) e.maxMailboxes());
      }
    } else if (event instanceof DomainActivatedEvent e) {
      set(at, "domains", RowId.of(e.domainId()), "active", true);
    } else if (event instanceof DomainDeactivatedEvent e) {
      set(at, "domains", RowId.of(e.domainId()), "active", false);
    } else if (event instanceof DomainDeletedEvent e) {
      remove(at, "domains", RowId.of(e.domainId()));
    } else if (event instanceof MailboxCreatedEvent e) {
      rows.put(
          "mailboxes",
          RowId.of(e.mailboxId()),
          e.mailboxId(),
          localPart(e.address()),
          e.passwordHash(),
          e.name(),
          RowId.of(e.domainId()),
          null,
          gigabytes(e.quotaBytes()),
          e.home(),
          "maildir:" + e.maildir(),
          e.sendOnly(),
          true);
    } else if (event instanceof MailboxPasswordChangedEvent e) {
      setMailbox(at, e.mailboxId(), "password", e.passwordHash());
    } else if (event instanceof MailboxQuotaChangedEvent e) {
      setMailbox(at, e.mailboxId(), "quota", gigabytes(e.quotaBytes()));
    } else if (event instanceof MailboxNameChangedEvent e) {
      setMailbox(at, e.mailboxId(), "name", e.name());
    } else if (event instanceof MailboxSendOnlyChangedEvent e) {
      setMailbox(at, e.mailboxId(), "send_only", e.sendOnly());
    } else if (event instanceof MailboxActivatedEvent e) {
      setMailbox(at, e.mailboxId(), "active", true);
    } else if (event instanceof MailboxDeactivatedEvent e) {
      setMailbox(at, e.mailboxId(), "active", false);
      // A rename stays in its domain: only the local part changes, the row keeps its id.
    } else if (event instanceof MailboxRenamedEvent e) {
      setMailbox(at, e.mailboxId(), "local_part", localPart(e.newAddress()));
    } else if (event instanceof MailboxDeletedEvent e) {
      remove(at, "mailboxes", RowId.of(e.mailboxId()));
    } else if (event instanceof AliasCreatedEvent e) {
      long alias = RowId.of(e.aliasId());
      rows.put(
          "aliases",
          alias,
          e.aliasId(),
          localPart(e.address()),
          e.description(),
          RowId.of(e.domainId()),
          true,
          null);
      for (String recipient : e.recipients()) {
        rows.put("alias_recipients", RowId.of(e.aliasId(), recipient), alias, recipient, null);
      }
    } else if (event instanceof AliasRecipientAddedEvent e) {
      rows.put(
          "alias_recipients",
          RowId.of(e.aliasId(), e.recipient()),
          RowId.of(e.aliasId()),
          e.recipient(),
          null);
    } else if (event instanceof AliasRecipientRemovedEvent e) {
      remove(at, "alias_recipients", RowId.of(e.aliasId(), e.recipient()));
    } else if (event instanceof AliasSenderAddedEvent e) {
      rows.put(
          "alias_senders",
          RowId.of(e.aliasId(), e.mailboxId()),
          RowId.of(e.aliasId()),
          RowId.of(e.mailboxId()));
    } else if (event instanceof AliasSenderRemovedEvent e) {
      remove(at, "alias_senders", RowId.of(e.aliasId(), e.mailboxId()));
    } else if (event instanceof AliasDescriptionChangedEvent e) {
      set(at, "aliases", RowId.of(e.aliasId()), "description", e.description());
    } else if (event instanceof AliasActivatedEvent e) {
      set(at, "aliases", RowId.of(e.aliasId()), "active", true);
    } else if (event instanceof AliasDeactivatedEvent e) {
      set(at, "aliases", RowId.of(e.aliasId()), "active", false);
    } else if (event instanceof AliasDeletedEvent e) {
      long alias = RowId.of(e.aliasId());
      // The tables cascade a deleted alias to its recipients and senders.
      rows.table("alias_recipients").values().removeIf(r -> alias == (Long) r.get("alias_id"));
      rows.table("alias_senders").values().removeIf(r -> alias == (Long) r.get("alias_id"));
      remove(at, "aliases", alias);
    } else if (event instanceof AliasDomainCreatedEvent e) {
      Long target =
          rows.table("domains").values().stream()
              .filter(
                  r -> e.targetDomain().equals(r.get("domain")) && r.get("alias_target_id") == null)
              .map(r -> (Long) r.get("id"))
              .findFirst()
              .orElse(null);
      if (target == null) {
        warn(at, "no domains row " + e.targetDomain() + " to alias");
      } else {
        // active is derived in derive(), from alias_active and the target's flag.
        rows.put(
            "domains",
            RowId.of(e.aliasDomainId()),
            e.aliasDomainId(),
            e.aliasDomain(),
            "alias domain of " + e.targetDomain(),
            null,
            null,
            null,
            null,
            null,
            true,
            target,
            true);
      }
    } else if (event instanceof AliasDomainActivatedEvent e) {
      set(at, "domains", RowId.of(e.aliasDomainId()), "alias_active", true);
    } else if (event instanceof AliasDomainDeactivatedEvent e) {
      set(at, "domains", RowId.of(e.aliasDomainId()), "alias_active", false);
    } else if (event instanceof AliasDomainDeletedEvent e) {
      remove(at, "domains", RowId.of(e.aliasDomainId()));
    } else if (event instanceof TlsPolicySetEvent e) {
      rows.put(
          "tls_policies",
          RowId.of(e.destination()),
          e.destination(),
          e.policy(),
          e.params() == null || e.params().isEmpty() ? null : e.params(),
          e.description(),
          true);
    } else if (event instanceof TlsPolicyRemovedEvent e) {
      remove(at, "tls_policies", RowId.of(e.destination()));
    }
  }

  /**
   * MUM has no alias-domain table: an alias domain B of A answers, for every mailbox and alias x@A,
   * with a row x@B in aliases (its id the XOR of the source row's id and B's) forwarding to x@A, or
   * for A's catch-all carrying copies of its recipients; whoever may send as x@A may send as x@B. B
   * is active while it and A are; a send-only mailbox's row takes no mail, so is inactive. Derived
   * here from the folded rows as they stand, unlike the projection, which keeps them step by step:
   * the two agreeing is the check.
   */
  @Override
  void derive(LayoutRows all) {
    var domains = all.table("domains");
    for (Map<String, Object> b : List.copyOf(domains.values())) {
      Long targetId = (Long) b.get("alias_target_id");
      if (targetId == null) {
        continue;
      }
      long bId = (Long) b.get("id");
      Map<String, Object> target = domains.get(targetId);
      b.put(
          "active",
          Boolean.TRUE.equals(b.get("alias_active"))
              && target != null
              && Boolean.TRUE.equals(target.get("active")));
      if (target == null) {
        continue;
      }
      String targetName = (String) target.get("domain");
      for (Map<String, Object> m : all.table("mailboxes").values()) {
        if (!targetId.equals(m.get("domain_id"))) {
          continue;
        }
        long id = (Long) m.get("id") ^ bId;
        boolean receiving =
            Boolean.TRUE.equals(m.get("active")) && !Boolean.TRUE.equals(m.get("send_only"));
        all.put("aliases", id, null, m.get("local_part"), "", bId, receiving, m.get("id"));
        all.put("alias_recipients", id, id, m.get("local_part") + "@" + targetName, null);
        all.put("alias_senders", id, id, m.get("id"));
      }
      List<Map<String, Object>> sources =
          all.table("aliases").values().stream()
              .filter(a -> targetId.equals(a.get("domain_id")))
              .toList();
      for (Map<String, Object> a : sources) {
        long aId = (Long) a.get("id");
        long id = aId ^ bId;
        String local = (String) a.get("local_part");
        all.put("aliases", id, null, local, "", bId, a.get("active"), aId);
        if (local.isEmpty()) {
          for (Map<String, Object> r : List.copyOf(all.table("alias_recipients").values())) {
            if (r.get("alias_id").equals(aId)) {
              all.put(
                  "alias_recipients",
                  (Long) r.get("id") ^ bId,
                  id,
                  r.get("recipient_address"),
                  null);
            }
          }
        } else {
          all.put("alias_recipients", id, id, local + "@" + targetName, null);
        }
        for (Map<String, Object> s : List.copyOf(all.table("alias_senders").values())) {
          if (s.get("alias_id").equals(aId)) {
            all.put("alias_senders", (Long) s.get("id") ^ bId, id, s.get("mailbox_id"));
          }
        }
      }
    }
  }

  private void setMailbox(long at, String mailboxId, String column, Object value) {
    set(at, "mailboxes", RowId.of(mailboxId), column, value);
  }

  /** MUM keeps whole GB; a quota that is not a whole number of GB is rounded up. */
  private static long gigabytes(long bytes) {
    return (bytes + GIB - 1) / GIB;
  }
}
