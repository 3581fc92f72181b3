package org.mailledger.schema.alias;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop an alias from forwarding mail, keeping its settings. */
public record DeactivateAliasCommand(@TargetAggregateIdentifier String aliasId) {}
