package org.mailledger.schema.aliasdomain;

import org.mailledger.schema.MailEvent;

/**
 * The events of an alias domain: sequenced with its target domain, whose mailboxes and aliases it
 * expands into rows of its own in a layout without an alias-domain table (mum). A layout whose
 * alias-domain rows depend on nothing of the target's may sequence them by {@link #aliasDomain()}
 * instead (postfixadmin).
 */
public sealed interface AliasDomainEvent extends MailEvent
    permits AliasDomainCreatedEvent,
        AliasDomainActivatedEvent,
        AliasDomainDeactivatedEvent,
        AliasDomainDeletedEvent {

  String aliasDomainId();

  /** The alias domain's own name, whose addresses deliver to the target's. */
  String aliasDomain();

  /** The hosted domain it delivers to. */
  String targetDomain();

  @Override
  default String sequencingKey() {
    return targetDomain();
  }
}
