package org.mailledger.schema.aliasdomain;

import org.axonframework.serialization.Revision;

/** An alias domain was activated again. */
@Revision("1")
public record AliasDomainActivatedEvent(
    String aliasDomainId, String aliasDomain, String targetDomain) implements AliasDomainEvent {}
