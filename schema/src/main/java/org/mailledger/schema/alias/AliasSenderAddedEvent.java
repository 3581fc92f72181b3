package org.mailledger.schema.alias;

import org.axonframework.serialization.Revision;

/** A mailbox may now send as the alias. */
@Revision("1")
public record AliasSenderAddedEvent(
    String aliasId, String address, String mailboxId, String mailboxAddress)
    implements AliasEvent {}
