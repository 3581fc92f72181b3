package org.mailledger.schema.alias;

import org.axonframework.serialization.Revision;

/** An alias was deleted; its address is free again. */
@Revision("1")
public record AliasDeletedEvent(String aliasId, String domainId, String address)
    implements AliasEvent {}
