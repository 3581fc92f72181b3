package org.mailledger.schema.aliasdomain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Activate an alias domain. */
public record ActivateAliasDomainCommand(@TargetAggregateIdentifier String aliasDomainId) {}
