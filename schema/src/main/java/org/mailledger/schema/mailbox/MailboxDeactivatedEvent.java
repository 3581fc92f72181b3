package org.mailledger.schema.mailbox;

import org.axonframework.serialization.Revision;

/** A mailbox was deactivated. */
@Revision("1")
public record MailboxDeactivatedEvent(String mailboxId, String address) implements MailboxEvent {}
