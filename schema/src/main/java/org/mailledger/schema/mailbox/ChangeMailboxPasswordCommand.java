package org.mailledger.schema.mailbox;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mailledger.schema.value.Secret;

/** Set a new password (plaintext, or a hash in a supported Dovecot scheme). */
public record ChangeMailboxPasswordCommand(
    @TargetAggregateIdentifier String mailboxId, Secret password) {}
