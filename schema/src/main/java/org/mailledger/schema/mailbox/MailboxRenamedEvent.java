package org.mailledger.schema.mailbox;

import org.axonframework.serialization.Revision;

/** A mailbox got a new address in the same domain. */
@Revision("1")
public record MailboxRenamedEvent(
    String mailboxId, String domainId, String oldAddress, String newAddress) {}
