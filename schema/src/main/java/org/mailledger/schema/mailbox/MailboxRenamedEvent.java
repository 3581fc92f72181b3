package org.mailledger.schema.mailbox;

import org.axonframework.serialization.Revision;

/** A mailbox got a new address in the same domain. */
@Revision("1")
public record MailboxRenamedEvent(
    String mailboxId, String domainId, String oldAddress, String newAddress)
    implements MailboxEvent {

  /** The new address. Not a component, so the stored JSON has none such (see MailboxEvent). */
  @Override
  public String address() {
    return newAddress;
  }
}
