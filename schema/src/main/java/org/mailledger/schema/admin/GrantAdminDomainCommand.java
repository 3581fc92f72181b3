package org.mailledger.schema.admin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mailledger.schema.value.DomainName;

/** Let a domain admin manage one more domain. */
public record GrantAdminDomainCommand(
    @TargetAggregateIdentifier String adminId, DomainName domain) {}
