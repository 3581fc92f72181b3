package org.mailledger.schema.alias;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mailledger.schema.value.EmailAddress;

/** Let a mailbox send as the alias. */
public record AddAliasSenderCommand(
    @TargetAggregateIdentifier String aliasId, EmailAddress mailbox) {}
