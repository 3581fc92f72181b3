package org.mailledger.schema.mailbox;

import org.axonframework.serialization.Revision;

/**
 * A mailbox was created, active. The password only as a Dovecot scheme string; home and maildir
 * derive from the mailbox id.
 */
@Revision("1")
public record MailboxCreatedEvent(
    String mailboxId,
    String domainId,
    String address,
    String passwordHash,
    String name,
    long quotaBytes,
    boolean sendOnly,
    String home,
    String maildir)
    implements MailboxEvent {}
