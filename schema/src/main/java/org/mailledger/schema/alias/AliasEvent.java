package org.mailledger.schema.alias;

import org.mailledger.schema.MailEvent;

/** The events of an alias: sequenced by the domain of its address, after the domain's own. */
public sealed interface AliasEvent extends MailEvent
    permits AliasCreatedEvent,
        AliasRecipientAddedEvent,
        AliasRecipientRemovedEvent,
        AliasSenderAddedEvent,
        AliasSenderRemovedEvent,
        AliasDescriptionChangedEvent,
        AliasActivatedEvent,
        AliasDeactivatedEvent,
        AliasDeletedEvent {

  String aliasId();

  /** The alias's address; a catch-all's is {@code @domain}. */
  String address();

  @Override
  default String sequencingKey() {
    return MailEvent.domainOf(address());
  }
}
