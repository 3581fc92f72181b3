package org.mailledger.schema.domain;

import org.axonframework.serialization.Revision;

/** A domain was deleted; its name is free again. */
@Revision("1")
public record DomainDeletedEvent(String domainId, String name) implements DomainEvent {}
