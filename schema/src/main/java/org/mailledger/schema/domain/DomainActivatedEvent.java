package org.mailledger.schema.domain;

import org.axonframework.serialization.Revision;

/** A domain was activated. */
@Revision("1")
public record DomainActivatedEvent(String domainId, String name) implements DomainEvent {}
