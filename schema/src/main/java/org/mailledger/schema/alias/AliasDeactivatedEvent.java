package org.mailledger.schema.alias;

import org.axonframework.serialization.Revision;

/** An alias was deactivated. */
@Revision("1")
public record AliasDeactivatedEvent(String aliasId, String address) implements AliasEvent {}
