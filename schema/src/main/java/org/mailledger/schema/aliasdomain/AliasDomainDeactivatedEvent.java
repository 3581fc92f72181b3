package org.mailledger.schema.aliasdomain;

import org.axonframework.serialization.Revision;

/** An alias domain was deactivated: its addresses are unknown until it is activated. */
@Revision("1")
public record AliasDomainDeactivatedEvent(
    String aliasDomainId, String aliasDomain, String targetDomain) implements AliasDomainEvent {}
