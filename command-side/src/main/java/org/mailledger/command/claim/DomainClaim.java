package org.mailledger.command.claim;

import org.mailledger.schema.value.Quota;

/** What the command side knows of a domain when it checks a mailbox or alias against it. */
public record DomainClaim(
    String domainId,
    String name,
    boolean active,
    Quota defaultQuota,
    Quota maxQuota,
    int maxMailboxes,
    int maxAliases,
    int mailboxCount,
    int aliasCount) {

  /** The domain's limits, whose rules decide what its mailboxes and aliases may be. */
  public DomainLimits limits() {
    return new DomainLimits(defaultQuota, maxQuota, maxMailboxes, maxAliases);
  }
}
