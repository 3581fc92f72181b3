package org.mailledger.schema.domain;

import org.axonframework.serialization.Revision;

/**
 * A domain was created, active. Quotas in bytes, zero meaning unlimited; limits of zero mean
 * unlimited.
 */
@Revision("1")
public record DomainCreatedEvent(
    String domainId,
    String name,
    String description,
    long defaultQuotaBytes,
    long maxQuotaBytes,
    int maxMailboxes,
    int maxAliases)
    implements DomainEvent {}
