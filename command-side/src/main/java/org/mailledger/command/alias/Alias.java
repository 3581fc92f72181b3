package org.mailledger.command.alias;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;
import static org.mailledger.command.error.RuleViolationException.conflict;
import static org.mailledger.command.error.RuleViolationException.invalid;
import static org.mailledger.command.error.RuleViolationException.notFound;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.mailledger.command.claim.AddressClaim;
import org.mailledger.command.claim.AliasReference;
import org.mailledger.schema.alias.ActivateAliasCommand;
import org.mailledger.schema.alias.AliasActivatedEvent;
import org.mailledger.schema.alias.AliasCreatedEvent;
import org.mailledger.schema.alias.AliasDeactivatedEvent;
import org.mailledger.schema.alias.AliasDeletedEvent;
import org.mailledger.schema.alias.AliasDescriptionChangedEvent;
import org.mailledger.schema.alias.AliasRecipientAddedEvent;
import org.mailledger.schema.alias.AliasRecipientRemovedEvent;
import org.mailledger.schema.alias.AliasSenderAddedEvent;
import org.mailledger.schema.alias.AliasSenderRemovedEvent;
import org.mailledger.schema.alias.ChangeAliasDescriptionCommand;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.alias.DeactivateAliasCommand;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.FreeText;

/**
 * An alias, or a domain's catch-all: where its mail goes and which mailboxes may send as it.
 * Creation, recipients, senders and delete come through {@link AliasCommandHandler}, which checks
 * the addresses against the claims.
 */
@Aggregate
public class Alias {

  @AggregateIdentifier private String aliasId;
  private String domainId;
  private String address;
  private final Set<String> recipients = new LinkedHashSet<>();
  private final Map<String, String> senders = new LinkedHashMap<>();
  private String description;
  private boolean active;

  protected Alias() {}

  Alias(CreateAliasCommand command, String domainId, List<AddressClaim> senderMailboxes) {
    String self = command.address().toString();
    List<String> distinct =
        AliasRules.requireRecipients(
            self, command.recipients() == null ? List.of() : command.recipients());
    Set<String> senderIds = new HashSet<>();
    for (AddressClaim sender : senderMailboxes) {
      if (!senderIds.add(sender.ownerId())) {
        throw invalid("duplicate-sender", sender.address() + " is listed twice");
      }
    }
    apply(
        new AliasCreatedEvent(
            command.aliasId(),
            domainId,
            self,
            distinct,
            FreeText.description(command.description())));
    for (AddressClaim sender : senderMailboxes) {
      apply(new AliasSenderAddedEvent(command.aliasId(), self, sender.ownerId(), sender.address()));
    }
  }

  void addRecipient(EmailAddress recipient) {
    AliasRules.requireNotSelf(address, recipient.toString());
    if (recipients.contains(recipient.toString())) {
      throw conflict("recipient-exists", recipient + " is a recipient of " + address + " already");
    }
    AliasRules.requireRoomForRecipient(recipients.size());
    apply(new AliasRecipientAddedEvent(aliasId, address, recipient.toString()));
  }

  void removeRecipient(String recipient) {
    if (!recipients.contains(recipient)) {
      throw notFound("not-a-recipient", recipient + " is not a recipient of " + address);
    }
    if (recipients.size() == 1) {
      throw conflict(
          "last-recipient",
          recipient
              + " is the last recipient of "
              + address
              + "; delete the alias or add another recipient first");
    }
    apply(new AliasRecipientRemovedEvent(aliasId, address, recipient));
  }

  /** A recipient mailbox was renamed: the alias follows it to the new address. */
  void retargetRecipient(String oldAddress, String newAddress) {
    if (!recipients.contains(oldAddress)) {
      return;
    }
    if (!recipients.contains(newAddress)) {
      apply(new AliasRecipientAddedEvent(aliasId, address, newAddress));
    }
    apply(new AliasRecipientRemovedEvent(aliasId, address, oldAddress));
  }

  void addSender(AddressClaim mailbox) {
    if (senders.containsKey(mailbox.ownerId())) {
      throw conflict("sender-exists", mailbox.address() + " may send as " + address + " already");
    }
    apply(new AliasSenderAddedEvent(aliasId, address, mailbox.ownerId(), mailbox.address()));
  }

  void removeSender(String mailboxId, String mailboxAddress) {
    if (!senders.containsKey(mailboxId)) {
      throw notFound("not-a-sender", mailboxAddress + " is not a sender of " + address);
    }
    apply(new AliasSenderRemovedEvent(aliasId, address, mailboxId, mailboxAddress));
  }

  void delete(List<AliasReference> references, boolean cascade) {
    if (!references.isEmpty() && !cascade) {
      List<String> aliases =
          references.stream().map(AliasReference::aliasAddress).distinct().toList();
      throw conflict(
          "alias-referenced",
          address
              + " is a recipient of the aliases "
              + String.join(", ", aliases)
              + "; remove it there first, or delete with cascade",
          aliases);
    }
    apply(new AliasDeletedEvent(aliasId, domainId, address));
  }

  @CommandHandler
  void handle(ChangeAliasDescriptionCommand command) {
    String newDescription = FreeText.description(command.description());
    if (!newDescription.equals(description)) {
      apply(new AliasDescriptionChangedEvent(aliasId, address, newDescription));
    }
  }

  @CommandHandler
  void handle(ActivateAliasCommand command) {
    if (!active) {
      apply(new AliasActivatedEvent(aliasId, address));
    }
  }

  @CommandHandler
  void handle(DeactivateAliasCommand command) {
    if (active) {
      apply(new AliasDeactivatedEvent(aliasId, address));
    }
  }

  String address() {
    return address;
  }

  Set<String> recipients() {
    return Set.copyOf(recipients);
  }

  Set<String> senderIds() {
    return Set.copyOf(senders.keySet());
  }

  @EventSourcingHandler
  void on(AliasCreatedEvent event) {
    aliasId = event.aliasId();
    domainId = event.domainId();
    address = event.address();
    recipients.addAll(event.recipients());
    description = event.description();
    active = true;
  }

  @EventSourcingHandler
  void on(AliasRecipientAddedEvent event) {
    recipients.add(event.recipient());
  }

  @EventSourcingHandler
  void on(AliasRecipientRemovedEvent event) {
    recipients.remove(event.recipient());
  }

  @EventSourcingHandler
  void on(AliasSenderAddedEvent event) {
    senders.put(event.mailboxId(), event.mailboxAddress());
  }

  @EventSourcingHandler
  void on(AliasSenderRemovedEvent event) {
    senders.remove(event.mailboxId());
  }

  @EventSourcingHandler
  void on(AliasDescriptionChangedEvent event) {
    description = event.description();
  }

  @EventSourcingHandler
  void on(AliasActivatedEvent event) {
    active = true;
  }

  @EventSourcingHandler
  void on(AliasDeactivatedEvent event) {
    active = false;
  }

  @EventSourcingHandler
  void on(AliasDeletedEvent event) {
    markDeleted();
  }
}
