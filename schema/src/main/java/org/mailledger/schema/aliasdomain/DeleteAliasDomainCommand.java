package org.mailledger.schema.aliasdomain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete an alias domain. */
public record DeleteAliasDomainCommand(@TargetAggregateIdentifier String aliasDomainId) {}
