package org.mailledger.schema.mailbox;

import org.axonframework.serialization.Revision;

/** A mailbox got a new password, stored as a Dovecot scheme string. */
@Revision("1")
public record MailboxPasswordChangedEvent(String mailboxId, String address, String passwordHash)
    implements MailboxEvent {}
