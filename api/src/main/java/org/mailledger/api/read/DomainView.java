package org.mailledger.api.read;

/** A domain as the API shows it; quotas in GB, limits of zero meaning unlimited. */
public record DomainView(
    String domain,
    String unicode,
    String description,
    long quotaGb,
    long maxQuotaGb,
    int maxMailboxes,
    int maxAliases,
    boolean active,
    long mailboxes,
    long aliases) {}
