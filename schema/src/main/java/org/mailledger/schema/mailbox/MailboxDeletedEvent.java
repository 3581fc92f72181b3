package org.mailledger.schema.mailbox;

import org.axonframework.serialization.Revision;

/** A mailbox was deleted; its address is free again. */
@Revision("1")
public record MailboxDeletedEvent(String mailboxId, String domainId, String address)
    implements MailboxEvent {}
