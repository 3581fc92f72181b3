package org.mailledger.api.audit;

import java.time.Instant;

/**
 * A domain as it was at {@code asOf}. Quotas in whole GB as the API takes them (rounded up), zero
 * meaning unlimited.
 *
 * @param quotaGb the default quota of a new mailbox
 * @param maxQuotaGb the most one mailbox may have
 * @param position the log position of the last event that shaped this state
 */
public record DomainAsOf(
    String domain,
    String description,
    long quotaGb,
    long maxQuotaGb,
    int maxMailboxes,
    int maxAliases,
    boolean active,
    Instant asOf,
    long position) {}
