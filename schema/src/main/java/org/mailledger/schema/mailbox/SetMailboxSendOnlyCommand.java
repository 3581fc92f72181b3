package org.mailledger.schema.mailbox;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a mailbox send-only (it may log in and send but receives nothing), or not. */
public record SetMailboxSendOnlyCommand(
    @TargetAggregateIdentifier String mailboxId, boolean sendOnly) {}
