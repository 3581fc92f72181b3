package org.mailledger.schema.mailbox;

import org.axonframework.serialization.Revision;

/** A mailbox's display name changed. */
@Revision("1")
public record MailboxNameChangedEvent(String mailboxId, String address, String name)
    implements MailboxEvent {}
