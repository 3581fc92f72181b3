package org.mailledger.schema.alias;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mailledger.schema.value.EmailAddress;

/** Remove a recipient from an alias; the last one cannot be removed. */
public record RemoveAliasRecipientCommand(
    @TargetAggregateIdentifier String aliasId, EmailAddress recipient) {}
