package org.mailledger.schema.mailbox;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a mailbox from receiving mail and logging in, keeping its mail. */
public record DeactivateMailboxCommand(@TargetAggregateIdentifier String mailboxId) {}
