package org.mailledger.schema.mailbox;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;

/**
 * Create a mailbox in an existing, active domain. A null quota takes the domain's default. The
 * password is plaintext or a hash in a supported Dovecot scheme.
 */
public record CreateMailboxCommand(
    @TargetAggregateIdentifier String mailboxId,
    EmailAddress address,
    Secret password,
    String name,
    Quota quota,
    boolean sendOnly) {}
