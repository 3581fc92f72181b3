package org.mailledger.schema.mailbox;

import org.mailledger.schema.MailEvent;

/** The events of a mailbox: sequenced by the domain of its address, after the domain's own. */
public sealed interface MailboxEvent extends MailEvent
    permits MailboxCreatedEvent,
        MailboxPasswordChangedEvent,
        MailboxQuotaChangedEvent,
        MailboxNameChangedEvent,
        MailboxSendOnlyChangedEvent,
        MailboxActivatedEvent,
        MailboxDeactivatedEvent,
        MailboxRenamedEvent,
        MailboxDeletedEvent {

  String mailboxId();

  /** The mailbox's address once this event has happened (a rename's new address). */
  String address();

  @Override
  default String sequencingKey() {
    return MailEvent.domainOf(address());
  }
}
