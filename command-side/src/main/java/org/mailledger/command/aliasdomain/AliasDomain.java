package org.mailledger.command.aliasdomain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;
import static org.mailledger.command.error.RuleViolationException.invalid;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.mailledger.command.support.AggregateIds;
import org.mailledger.schema.aliasdomain.AliasDomainActivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainCreatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeactivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeletedEvent;
import org.mailledger.schema.aliasdomain.CreateAliasDomainCommand;

/**
 * An alias domain: mail to x@aliasDomain goes to x@targetDomain. The rules that need other domains
 * (the name is free, the target is a hosted domain, a target keeps its alias domains) live in the
 * claims, kept by {@link AliasDomainCommandHandler} in the same transaction.
 */
@Aggregate
public class AliasDomain {

  @AggregateIdentifier private String aliasDomainId;
  private String aliasDomain;
  private String targetDomain;
  private boolean active;

  protected AliasDomain() {}

  AliasDomain(CreateAliasDomainCommand command) {
    AggregateIds.require("aliasDomainId", command.aliasDomainId());
    if (command.aliasDomain().equals(command.targetDomain())) {
      throw invalid(
          "alias-domain-is-target",
          "alias domain " + command.aliasDomain() + " cannot deliver to itself");
    }
    apply(
        new AliasDomainCreatedEvent(
            command.aliasDomainId(),
            command.aliasDomain().ascii(),
            command.targetDomain().ascii()));
  }

  boolean activate() {
    if (active) {
      return false;
    }
    apply(new AliasDomainActivatedEvent(aliasDomainId, aliasDomain, targetDomain));
    return true;
  }

  boolean deactivate() {
    if (!active) {
      return false;
    }
    apply(new AliasDomainDeactivatedEvent(aliasDomainId, aliasDomain, targetDomain));
    return true;
  }

  void delete() {
    apply(new AliasDomainDeletedEvent(aliasDomainId, aliasDomain, targetDomain));
  }

  @EventSourcingHandler
  void on(AliasDomainCreatedEvent event) {
    aliasDomainId = event.aliasDomainId();
    aliasDomain = event.aliasDomain();
    targetDomain = event.targetDomain();
    active = true;
  }

  @EventSourcingHandler
  void on(AliasDomainActivatedEvent event) {
    active = true;
  }

  @EventSourcingHandler
  void on(AliasDomainDeactivatedEvent event) {
    active = false;
  }

  @EventSourcingHandler
  void on(AliasDomainDeletedEvent event) {
    markDeleted();
  }
}
