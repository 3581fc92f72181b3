package org.mailledger.schema.mailbox;

import org.axonframework.serialization.Revision;

/** A mailbox was activated. */
@Revision("1")
public record MailboxActivatedEvent(String mailboxId, String address) implements MailboxEvent {}
