package org.mailledger.schema.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mailledger.schema.value.Quota;

/** Change any of a domain's settings; a null field keeps its current value. */
public record ChangeDomainSettingsCommand(
    @TargetAggregateIdentifier String domainId,
    String description,
    Quota defaultQuota,
    Quota maxQuota,
    Integer maxMailboxes,
    Integer maxAliases) {}
