package org.mailledger.schema.alias;

import org.axonframework.serialization.Revision;

/** An alias lost a recipient. */
@Revision("1")
public record AliasRecipientRemovedEvent(String aliasId, String address, String recipient)
    implements AliasEvent {}
