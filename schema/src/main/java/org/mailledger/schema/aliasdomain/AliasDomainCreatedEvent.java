package org.mailledger.schema.aliasdomain;

import org.axonframework.serialization.Revision;

/** An alias domain was created, active: mail to x@aliasDomain goes to x@targetDomain. */
@Revision("1")
public record AliasDomainCreatedEvent(String aliasDomainId, String aliasDomain, String targetDomain)
    implements AliasDomainEvent {}
