package org.mailledger.schema.alias;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Delete an alias. Refused while other aliases forward to it, unless cascade removes those
 * recipient entries first.
 */
public record DeleteAliasCommand(@TargetAggregateIdentifier String aliasId, boolean cascade) {}
