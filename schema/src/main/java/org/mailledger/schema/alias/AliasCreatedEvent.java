package org.mailledger.schema.alias;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An alias was created, active; a catch-all has the address '@domain'. Its senders follow as
 * AliasSenderAddedEvents.
 */
@Revision("1")
public record AliasCreatedEvent(
    String aliasId, String domainId, String address, List<String> recipients, String description)
    implements AliasEvent {}
