package org.mailledger.schema.alias;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mailledger.schema.value.EmailAddress;

/** Take back a mailbox's right to send as the alias. */
public record RemoveAliasSenderCommand(
    @TargetAggregateIdentifier String aliasId, EmailAddress mailbox) {}
