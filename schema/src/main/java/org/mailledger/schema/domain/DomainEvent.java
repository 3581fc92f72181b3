package org.mailledger.schema.domain;

import org.mailledger.schema.MailEvent;

/** The events of a hosted domain: sequenced by its name, with its mailboxes and aliases. */
public sealed interface DomainEvent extends MailEvent
    permits DomainCreatedEvent,
        DomainSettingsChangedEvent,
        DomainActivatedEvent,
        DomainDeactivatedEvent,
        DomainDeletedEvent {

  String domainId();

  /** The domain's name, ASCII (punycode for an international name). */
  String name();

  @Override
  default String sequencingKey() {
    return name();
  }
}
