package org.mailledger.schema.mailbox;

import org.axonframework.serialization.Revision;

/** A mailbox became send-only, or stopped being so. */
@Revision("1")
public record MailboxSendOnlyChangedEvent(String mailboxId, String address, boolean sendOnly)
    implements MailboxEvent {}
