package org.mailledger.schema.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.Quota;

/**
 * Create a domain, active from the start. Quotas: the default for new mailboxes and the most one
 * mailbox may have (zero: unlimited); limits of zero mean unlimited.
 */
public record CreateDomainCommand(
    @TargetAggregateIdentifier String domainId,
    DomainName name,
    String description,
    Quota defaultQuota,
    Quota maxQuota,
    int maxMailboxes,
    int maxAliases) {}
