package org.mailledger.schema.alias;

import org.axonframework.serialization.Revision;

/** An alias's description changed. */
@Revision("1")
public record AliasDescriptionChangedEvent(String aliasId, String address, String description)
    implements AliasEvent {}
