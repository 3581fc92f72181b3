package org.mailledger.schema.alias;

import org.axonframework.serialization.Revision;

/** A mailbox may no longer send as the alias. */
@Revision("1")
public record AliasSenderRemovedEvent(
    String aliasId, String address, String mailboxId, String mailboxAddress)
    implements AliasEvent {}
