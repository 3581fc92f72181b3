package org.mailledger.schema.mailbox;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Delete a mailbox. Refused while aliases send to it or let it send as them, unless cascade removes
 * those entries first.
 */
public record DeleteMailboxCommand(@TargetAggregateIdentifier String mailboxId, boolean cascade) {}
