package org.mailledger.api.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailledger.schema.alias.AliasActivatedEvent;
import org.mailledger.schema.alias.AliasCreatedEvent;
import org.mailledger.schema.alias.AliasDeactivatedEvent;
import org.mailledger.schema.alias.AliasDeletedEvent;
import org.mailledger.schema.alias.AliasDescriptionChangedEvent;
import org.mailledger.schema.alias.AliasRecipientAddedEvent;
import org.mailledger.schema.alias.AliasRecipientRemovedEvent;
import org.mailledger.schema.alias.AliasSenderAddedEvent;
import org.mailledger.schema.alias.AliasSenderRemovedEvent;

/**
 * Folds one alias aggregate's events into its state. Senders are kept by mailbox id, as the alias
 * keeps them: a sender mailbox renamed later gets no event of the alias, so its address at {@code
 * asOf} is looked up when the view is made.
 */
final class AliasFold {

  private boolean exists;
  private String address;
  private final Set<String> recipients = new LinkedHashSet<>();
  // mailbox id -> its address when it was added
  private final Map<String, String> senders = new LinkedHashMap<>();
  private String description;
  private boolean active;
  private long position;

  void apply(LoggedEvent event) {
    Object payload = event.payload();
    if (payload instanceof AliasCreatedEvent e) {
      exists = true;
      address = e.address();
      recipients.clear();
      recipients.addAll(e.recipients());
      senders.clear();
      description = e.description();
      active = true;
    } else if (payload instanceof AliasRecipientAddedEvent e) {
      recipients.add(e.recipient());
    } else if (payload instanceof AliasRecipientRemovedEvent e) {
      recipients.remove(e.recipient());
    } else if (payload instanceof AliasSenderAddedEvent e) {
      senders.put(e.mailboxId(), e.mailboxAddress());
    } else if (payload instanceof AliasSenderRemovedEvent e) {
      senders.remove(e.mailboxId());
    } else if (payload instanceof AliasDescriptionChangedEvent e) {
      description = e.description();
    } else if (payload instanceof AliasActivatedEvent) {
      active = true;
    } else if (payload instanceof AliasDeactivatedEvent) {
      active = false;
    } else if (payload instanceof AliasDeletedEvent) {
      exists = false;
    } else {
      return;
    }
    position = event.position();
  }

  /**
   * @param senderAddress the address a sender mailbox (by id, with its address when added) had at
   *     {@code asOf}
   */
  Optional<AliasAsOf> view(Instant asOf, SenderAddresses senderAddress) {
    if (!exists) {
      return Optional.empty();
    }
    var addresses = new ArrayList<String>();
    senders.forEach((id, added) -> addresses.add(senderAddress.at(id, added)));
    return Optional.of(
        new AliasAsOf(
            address, new ArrayList<>(recipients), addresses, description, active, asOf, position));
  }
}
