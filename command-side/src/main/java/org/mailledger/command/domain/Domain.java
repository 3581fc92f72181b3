package org.mailledger.command.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.mailledger.command.claim.DomainLimits;
import org.mailledger.schema.domain.ChangeDomainSettingsCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.domain.DomainActivatedEvent;
import org.mailledger.schema.domain.DomainCreatedEvent;
import org.mailledger.schema.domain.DomainDeactivatedEvent;
import org.mailledger.schema.domain.DomainDeletedEvent;
import org.mailledger.schema.domain.DomainSettingsChangedEvent;
import org.mailledger.schema.value.FreeText;
import org.mailledger.schema.value.Quota;

/**
 * A mail domain and its settings. Its commands come through {@link DomainCommandHandler}, which
 * keeps the domain's claim (name, limits, active) in step in the same transaction.
 */
@Aggregate
public class Domain {

  @AggregateIdentifier private String domainId;
  private String name;
  private String description;
  private DomainLimits limits;
  private boolean active;

  protected Domain() {}

  Domain(CreateDomainCommand command) {
    DomainLimits limits =
        DomainLimits.checked(
            orUnlimited(command.defaultQuota()),
            orUnlimited(command.maxQuota()),
            command.maxMailboxes(),
            command.maxAliases());
    apply(
        new DomainCreatedEvent(
            command.domainId(),
            command.name().ascii(),
            FreeText.description(command.description()),
            limits.defaultQuota().bytes(),
            limits.maxQuota().bytes(),
            limits.maxMailboxes(),
            limits.maxAliases()));
  }

  void changeSettings(ChangeDomainSettingsCommand command) {
    String newDescription =
        command.description() == null ? description : FreeText.description(command.description());
    DomainLimits newLimits =
        DomainLimits.checked(
            command.defaultQuota() == null ? limits.defaultQuota() : command.defaultQuota(),
            command.maxQuota() == null ? limits.maxQuota() : command.maxQuota(),
            command.maxMailboxes() == null ? limits.maxMailboxes() : command.maxMailboxes(),
            command.maxAliases() == null ? limits.maxAliases() : command.maxAliases());
    if (newDescription.equals(description) && newLimits.equals(limits)) {
      return;
    }
    apply(
        new DomainSettingsChangedEvent(
            domainId,
            name,
            newDescription,
            newLimits.defaultQuota().bytes(),
            newLimits.maxQuota().bytes(),
            newLimits.maxMailboxes(),
            newLimits.maxAliases()));
  }

  boolean activate() {
    if (active) {
      return false;
    }
    apply(new DomainActivatedEvent(domainId, name));
    return true;
  }

  boolean deactivate() {
    if (!active) {
      return false;
    }
    apply(new DomainDeactivatedEvent(domainId, name));
    return true;
  }

  /** Emptiness is checked by the claims, which count mailboxes and aliases under a row lock. */
  void delete() {
    apply(new DomainDeletedEvent(domainId, name));
  }

  DomainLimits limits() {
    return limits;
  }

  String name() {
    return name;
  }

  private static Quota orUnlimited(Quota quota) {
    return quota == null ? Quota.UNLIMITED : quota;
  }

  @EventSourcingHandler
  void on(DomainCreatedEvent event) {
    domainId = event.domainId();
    name = event.name();
    description = event.description();
    limits =
        limitsOf(
            event.defaultQuotaBytes(),
            event.maxQuotaBytes(),
            event.maxMailboxes(),
            event.maxAliases());
    active = true;
  }

  @EventSourcingHandler
  void on(DomainSettingsChangedEvent event) {
    description = event.description();
    limits =
        limitsOf(
            event.defaultQuotaBytes(),
            event.maxQuotaBytes(),
            event.maxMailboxes(),
            event.maxAliases());
  }

  @EventSourcingHandler
  void on(DomainActivatedEvent event) {
    active = true;
  }

  @EventSourcingHandler
  void on(DomainDeactivatedEvent event) {
    active = false;
  }

  @EventSourcingHandler
  void on(DomainDeletedEvent event) {
    markDeleted();
  }

  private static DomainLimits limitsOf(
      long defaultQuota, long maxQuota, int maxMailboxes, int maxAliases) {
    return new DomainLimits(
        Quota.ofBytes(defaultQuota), Quota.ofBytes(maxQuota), maxMailboxes, maxAliases);
  }
}
