package org.mailledger.schema.mailbox;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a mailbox's display name; null or empty clears it. */
public record ChangeMailboxNameCommand(@TargetAggregateIdentifier String mailboxId, String name) {}
