package org.mailledger.schema.admin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mailledger.schema.value.DomainName;

/** Take a domain away from a domain admin. */
public record RevokeAdminDomainCommand(
    @TargetAggregateIdentifier String adminId, DomainName domain) {}
