package org.mailledger.schema.alias;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change an alias's description; null or empty clears it. */
public record ChangeAliasDescriptionCommand(
    @TargetAggregateIdentifier String aliasId, String description) {}
