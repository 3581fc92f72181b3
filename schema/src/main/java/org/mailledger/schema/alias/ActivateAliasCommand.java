package org.mailledger.schema.alias;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let an alias forward mail again. */
public record ActivateAliasCommand(@TargetAggregateIdentifier String aliasId) {}
