package org.mailledger.command.mailbox;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;
import static org.mailledger.command.error.RuleViolationException.conflict;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.mailledger.command.claim.AliasReference;
import org.mailledger.command.claim.DomainClaim;
import org.mailledger.schema.mailbox.ActivateMailboxCommand;
import org.mailledger.schema.mailbox.ChangeMailboxNameCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.DeactivateMailboxCommand;
import org.mailledger.schema.mailbox.MailboxActivatedEvent;
import org.mailledger.schema.mailbox.MailboxCreatedEvent;
import org.mailledger.schema.mailbox.MailboxDeactivatedEvent;
import org.mailledger.schema.mailbox.MailboxDeletedEvent;
import org.mailledger.schema.mailbox.MailboxNameChangedEvent;
import org.mailledger.schema.mailbox.MailboxPasswordChangedEvent;
import org.mailledger.schema.mailbox.MailboxQuotaChangedEvent;
import org.mailledger.schema.mailbox.MailboxRenamedEvent;
import org.mailledger.schema.mailbox.MailboxSendOnlyChangedEvent;
import org.mailledger.schema.mailbox.SetMailboxSendOnlyCommand;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.FreeText;
import org.mailledger.schema.value.Quota;

/**
 * A mailbox. Commands that need nothing beyond the mailbox are handled here; creation, password,
 * quota, rename and delete come through {@link MailboxCommandHandler}, which brings the hash, the
 * domain's limits and the aliases that point here.
 */
@Aggregate
public class Mailbox {

  @AggregateIdentifier private String mailboxId;
  private String domainId;
  private String address;
  private String name;
  private Quota quota;
  private boolean sendOnly;
  private boolean active;

  protected Mailbox() {}

  Mailbox(CreateMailboxCommand command, DomainClaim domain, String passwordHash, MailPaths paths) {
    Quota quota = command.quota() == null ? domain.defaultQuota() : command.quota();
    domain.limits().requireQuotaAdmitted(quota);
    apply(
        new MailboxCreatedEvent(
            command.mailboxId(),
            domain.domainId(),
            command.address().toString(),
            passwordHash,
            FreeText.name(command.name()),
            quota.bytes(),
            command.sendOnly(),
            paths.home(command.mailboxId()),
            paths.maildir(command.mailboxId())));
  }

  void changePassword(String passwordHash) {
    apply(new MailboxPasswordChangedEvent(mailboxId, address, passwordHash));
  }

  void changeQuota(Quota newQuota, DomainClaim domain) {
    domain.limits().requireQuotaAdmitted(newQuota);
    if (!newQuota.equals(quota)) {
      apply(new MailboxQuotaChangedEvent(mailboxId, address, newQuota.bytes()));
    }
  }

  void rename(EmailAddress newAddress) {
    if (newAddress.toString().equals(address)) {
      throw conflict("same-address", "the mailbox is " + address + " already");
    }
    apply(new MailboxRenamedEvent(mailboxId, domainId, address, newAddress.toString()));
  }

  void delete(List<AliasReference> references, boolean cascade) {
    if (!references.isEmpty() && !cascade) {
      List<String> aliases =
          references.stream().map(AliasReference::aliasAddress).distinct().toList();
      throw conflict(
          "mailbox-referenced",
          address
              + " is a recipient or sender of the aliases "
              + String.join(", ", aliases)
              + "; remove it there first, or delete with cascade",
          aliases);
    }
    apply(new MailboxDeletedEvent(mailboxId, domainId, address));
  }

  @CommandHandler
  void handle(ChangeMailboxNameCommand command) {
    String newName = FreeText.name(command.name());
    if (!newName.equals(name)) {
      apply(new MailboxNameChangedEvent(mailboxId, address, newName));
    }
  }

  @CommandHandler
  void handle(SetMailboxSendOnlyCommand command) {
    if (command.sendOnly() != sendOnly) {
      apply(new MailboxSendOnlyChangedEvent(mailboxId, address, command.sendOnly()));
    }
  }

  @CommandHandler
  void handle(ActivateMailboxCommand command) {
    if (!active) {
      apply(new MailboxActivatedEvent(mailboxId, address));
    }
  }

  @CommandHandler
  void handle(DeactivateMailboxCommand command) {
    if (active) {
      apply(new MailboxDeactivatedEvent(mailboxId, address));
    }
  }

  String address() {
    return address;
  }

  String domainId() {
    return domainId;
  }

  @EventSourcingHandler
  void on(MailboxCreatedEvent event) {
    mailboxId = event.mailboxId();
    domainId = event.domainId();
    address = event.address();
    name = event.name();
    quota = Quota.ofBytes(event.quotaBytes());
    sendOnly = event.sendOnly();
    active = true;
  }

  @EventSourcingHandler
  void on(MailboxQuotaChangedEvent event) {
    quota = Quota.ofBytes(event.quotaBytes());
  }

  @EventSourcingHandler
  void on(MailboxNameChangedEvent event) {
    name = event.name();
  }

  @EventSourcingHandler
  void on(MailboxSendOnlyChangedEvent event) {
    sendOnly = event.sendOnly();
  }

  @EventSourcingHandler
  void on(MailboxActivatedEvent event) {
    active = true;
  }

  @EventSourcingHandler
  void on(MailboxDeactivatedEvent event) {
    active = false;
  }

  @EventSourcingHandler
  void on(MailboxRenamedEvent event) {
    address = event.newAddress();
  }

  @EventSourcingHandler
  void on(MailboxDeletedEvent event) {
    markDeleted();
  }
}
