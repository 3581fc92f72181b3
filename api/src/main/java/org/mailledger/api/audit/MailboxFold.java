package org.mailledger.api.audit;

import java.time.Instant;
import java.util.Optional;
import org.mailledger.schema.mailbox.MailboxActivatedEvent;
import org.mailledger.schema.mailbox.MailboxCreatedEvent;
import org.mailledger.schema.mailbox.MailboxDeactivatedEvent;
import org.mailledger.schema.mailbox.MailboxDeletedEvent;
import org.mailledger.schema.mailbox.MailboxNameChangedEvent;
import org.mailledger.schema.mailbox.MailboxQuotaChangedEvent;
import org.mailledger.schema.mailbox.MailboxRenamedEvent;
import org.mailledger.schema.mailbox.MailboxSendOnlyChangedEvent;
import org.mailledger.schema.value.Quota;

/** Folds one mailbox aggregate's events into its state; the password hash is never kept. */
final class MailboxFold {

  private boolean exists;
  private String address;
  private String name;
  private long quotaBytes;
  private boolean sendOnly;
  private boolean active;
  private String home;
  private long position;

  void apply(LoggedEvent event) {
    Object payload = event.payload();
    if (payload instanceof MailboxCreatedEvent e) {
      exists = true;
      address = e.address();
      name = e.name();
      quotaBytes = e.quotaBytes();
      sendOnly = e.sendOnly();
      active = true;
      home = e.home();
    } else if (payload instanceof MailboxNameChangedEvent e) {
      name = e.name();
    } else if (payload instanceof MailboxQuotaChangedEvent e) {
      quotaBytes = e.quotaBytes();
    } else if (payload instanceof MailboxSendOnlyChangedEvent e) {
      sendOnly = e.sendOnly();
    } else if (payload instanceof MailboxActivatedEvent) {
      active = true;
    } else if (payload instanceof MailboxDeactivatedEvent) {
      active = false;
    } else if (payload instanceof MailboxRenamedEvent e) {
      address = e.newAddress();
    } else if (payload instanceof MailboxDeletedEvent) {
      exists = false;
    } else {
      // a password change, which the view does not show, or a kind of event not known here
      return;
    }
    position = event.position();
  }

  Optional<MailboxAsOf> view(Instant asOf) {
    if (!exists) {
      return Optional.empty();
    }
    return Optional.of(
        new MailboxAsOf(
            address,
            name,
            Quota.ofBytes(quotaBytes).gigabytes(),
            sendOnly,
            active,
            home,
            asOf,
            position));
  }
}
