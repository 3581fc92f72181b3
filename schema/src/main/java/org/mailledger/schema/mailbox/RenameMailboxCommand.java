package org.mailledger.schema.mailbox;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mailledger.schema.value.LocalPart;

/** Give a mailbox a new local part in the same domain; its files stay where they are. */
public record RenameMailboxCommand(
    @TargetAggregateIdentifier String mailboxId, LocalPart newLocalPart) {}
