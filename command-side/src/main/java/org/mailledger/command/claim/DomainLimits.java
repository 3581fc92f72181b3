package org.mailledger.command.claim;

import org.mailledger.schema.value.Quota;

/** A domain's settings that the claims enforce on mailboxes and aliases. */
public record DomainLimits(Quota defaultQuota, Quota maxQuota, int maxMailboxes, int maxAliases) {}
