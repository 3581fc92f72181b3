package org.mailledger.schema.alias;

import org.axonframework.serialization.Revision;

/** An alias was activated. */
@Revision("1")
public record AliasActivatedEvent(String aliasId, String address) implements AliasEvent {}
