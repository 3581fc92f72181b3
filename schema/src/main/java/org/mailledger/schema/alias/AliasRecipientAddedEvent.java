package org.mailledger.schema.alias;

import org.axonframework.serialization.Revision;

/** An alias got a recipient. */
@Revision("1")
public record AliasRecipientAddedEvent(String aliasId, String address, String recipient)
    implements AliasEvent {}
