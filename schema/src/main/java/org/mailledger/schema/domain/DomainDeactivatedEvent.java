package org.mailledger.schema.domain;

import org.axonframework.serialization.Revision;

/** A domain was deactivated. */
@Revision("1")
public record DomainDeactivatedEvent(String domainId, String name) implements DomainEvent {}
