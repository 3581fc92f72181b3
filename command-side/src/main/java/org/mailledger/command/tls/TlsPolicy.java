package org.mailledger.command.tls;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.mailledger.command.error.RuleViolationException.notFound;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.mailledger.schema.tls.RemoveTlsPolicyCommand;
import org.mailledger.schema.tls.SetTlsPolicyCommand;
import org.mailledger.schema.tls.TlsPolicyRemovedEvent;
import org.mailledger.schema.tls.TlsPolicySetEvent;
import org.mailledger.schema.value.FreeText;

/**
 * The outgoing TLS policy for one destination domain, identified by that domain's name. It can be
 * set, changed, removed and set again, so it is never marked deleted.
 */
@Aggregate
public class TlsPolicy {

  @AggregateIdentifier private String destination;
  private boolean present;
  private String policy;
  private String params;
  private String description;

  protected TlsPolicy() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(SetTlsPolicyCommand command) {
    String newParams = TlsPolicyParams.checked(command.policy(), command.params());
    String newDescription = FreeText.description(command.description());
    String newPolicy = command.policy().postfixName();
    if (present
        && newPolicy.equals(policy)
        && newParams.equals(params)
        && newDescription.equals(description)) {
      return;
    }
    apply(
        new TlsPolicySetEvent(command.destination().ascii(), newPolicy, newParams, newDescription));
  }

  @CommandHandler
  void handle(RemoveTlsPolicyCommand command) {
    if (!present) {
      throw notFound("unknown-tls-policy", "no TLS policy for " + command.destination());
    }
    apply(new TlsPolicyRemovedEvent(destination));
  }

  @EventSourcingHandler
  void on(TlsPolicySetEvent event) {
    destination = event.destination();
    present = true;
    policy = event.policy();
    params = event.params();
    description = event.description();
  }

  @EventSourcingHandler
  void on(TlsPolicyRemovedEvent event) {
    present = false;
  }
}
