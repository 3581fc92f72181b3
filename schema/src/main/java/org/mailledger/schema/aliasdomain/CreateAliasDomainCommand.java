package org.mailledger.schema.aliasdomain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mailledger.schema.value.DomainName;

/**
 * Make {@code aliasDomain} deliver to the same local parts in {@code targetDomain}, active from the
 * start. The alias domain's name must be free (no hosted domain, no other alias domain); the target
 * must be a hosted domain, not itself an alias domain.
 */
public record CreateAliasDomainCommand(
    @TargetAggregateIdentifier String aliasDomainId,
    DomainName aliasDomain,
    DomainName targetDomain) {}
