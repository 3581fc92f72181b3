package org.mailledger.schema.mailbox;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a mailbox receive mail and log in again. */
public record ActivateMailboxCommand(@TargetAggregateIdentifier String mailboxId) {}
