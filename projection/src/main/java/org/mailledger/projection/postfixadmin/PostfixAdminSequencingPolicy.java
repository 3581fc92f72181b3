package org.mailledger.projection.postfixadmin;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.mailledger.projection.support.DomainSequencingPolicy;
import org.mailledger.schema.aliasdomain.AliasDomainEvent;

/**
 * The postfixadmin layout's sequencing: by domain, as every layout, except that an alias domain's
 * events go with the ALIAS domain's name. PostfixAdmin's alias-domain rows ({@code alias_domain}
 * and the alias domain's own {@code domain} row) depend on nothing of the target's, while a name
 * can pass from one target to another, or become a hosted domain: sequenced by target, the deletion
 * and the new creation of the same rows would run in different sequences, in a different order live
 * and in a replay. By the alias name they share one sequence with {@code DomainCreated} and {@code
 * DomainDeleted} of that name.
 */
public class PostfixAdminSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

  private final DomainSequencingPolicy byDomain = new DomainSequencingPolicy();

  @Override
  public Object getSequenceIdentifierFor(EventMessage<?> event) {
    if (event.getPayload() instanceof AliasDomainEvent e) {
      return e.aliasDomain();
    }
    return byDomain.getSequenceIdentifierFor(event);
  }
}
