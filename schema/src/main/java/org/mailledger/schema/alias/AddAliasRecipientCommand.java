package org.mailledger.schema.alias;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mailledger.schema.value.EmailAddress;

/** Add a recipient to an alias. */
public record AddAliasRecipientCommand(
    @TargetAggregateIdentifier String aliasId, EmailAddress recipient) {}
