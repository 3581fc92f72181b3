package org.mailledger.schema.domain;

import org.axonframework.serialization.Revision;

/** A domain's settings changed; the event carries all of them as they now are. */
@Revision("1")
public record DomainSettingsChangedEvent(
    String domainId,
    String name,
    String description,
    long defaultQuotaBytes,
    long maxQuotaBytes,
    int maxMailboxes,
    int maxAliases)
    implements DomainEvent {}
