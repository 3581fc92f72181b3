package org.mailledger.projection.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.mailledger.schema.MailEvent;

/**
 * Puts every event of a domain, and of the mailboxes and aliases in it, into one sequence, so a
 * layout's processor applies them in log order whatever its segment count: a mailbox row never
 * comes before its domain's row, nor a deletion before the creation. Different domains still run in
 * parallel. The event names its sequence ({@link MailEvent#sequencingKey()}): an alias domain's
 * events go with its target domain, whose rows they expand; TLS policies go by their destination on
 * their own. Events of no layout (admin accounts, API tokens) need no order and are not decoded.
 */
public class DomainSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

  @Override
  public Object getSequenceIdentifierFor(EventMessage<?> event) {
    // The type first: the payload of an event of no layout stays undecoded, so it cannot stop one.
    if (MailEvent.class.isAssignableFrom(event.getPayloadType())
        && event.getPayload() instanceof MailEvent e) {
      return e.sequencingKey();
    }
    return event.getIdentifier();
  }
}
