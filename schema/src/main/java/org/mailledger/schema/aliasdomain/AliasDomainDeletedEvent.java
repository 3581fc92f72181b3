package org.mailledger.schema.aliasdomain;

import org.axonframework.serialization.Revision;

/** An alias domain was deleted; its name is free again. */
@Revision("1")
public record AliasDomainDeletedEvent(String aliasDomainId, String aliasDomain, String targetDomain)
    implements AliasDomainEvent {}
