package org.mailledger.schema.aliasdomain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deactivate an alias domain. */
public record DeactivateAliasDomainCommand(@TargetAggregateIdentifier String aliasDomainId) {}
