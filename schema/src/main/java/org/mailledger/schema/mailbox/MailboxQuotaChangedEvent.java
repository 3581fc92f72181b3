package org.mailledger.schema.mailbox;

import org.axonframework.serialization.Revision;

/** A mailbox's quota changed; bytes, zero meaning unlimited. */
@Revision("1")
public record MailboxQuotaChangedEvent(String mailboxId, String address, long quotaBytes)
    implements MailboxEvent {}
