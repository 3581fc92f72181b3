package org.mailledger.ops.imports;

import org.mailledger.command.claim.ClaimKind;
import org.mailledger.command.claim.DomainLimits;
import org.mailledger.schema.value.Quota;

/**
 * A domain the import's mailboxes and aliases go into, and how many of each it will hold once the
 * plan has run. Its limits are checked with the command side's own {@link DomainLimits} rules.
 */
final class PlannedDomain {

  private final String id;
  private final DomainLimits limits;
  private int mailboxes;
  private int aliases;

  private PlannedDomain(String id, DomainLimits limits) {
    this.id = id;
    this.limits = limits;
  }

  /** A domain the import creates, or created in an earlier run, with the limits it was given. */
  static PlannedDomain imported(String id, DomainLimits limits) {
    return new PlannedDomain(id, limits);
  }

  /**
   * A domain that Mailledger had before any import: its limits are not known here, so the command
   * side alone holds the rows sent into it to them (a refusal is then reported as such).
   */
  static PlannedDomain existing(String id) {
    return new PlannedDomain(id, null);
  }

  String id() {
    return id;
  }

  boolean admitsQuota(Quota quota) {
    return limits == null || limits.admitsQuota(quota);
  }

  Quota maxQuota() {
    return limits.maxQuota();
  }

  boolean hasRoomFor(ClaimKind kind) {
    return limits == null || limits.hasRoomFor(kind, count(kind));
  }

  int limit(ClaimKind kind) {
    return kind == ClaimKind.MAILBOX ? limits.maxMailboxes() : limits.maxAliases();
  }

  void count(ClaimKind kind, int delta) {
    if (kind == ClaimKind.MAILBOX) {
      mailboxes += delta;
    } else {
      aliases += delta;
    }
  }

  private int count(ClaimKind kind) {
    return kind == ClaimKind.MAILBOX ? mailboxes : aliases;
  }
}
