package org.mailledger.ops.imports;

/**
 * A domain as the source tool keeps it, already in Mailledger's units.
 *
 * @param defaultQuotaBytes quota of new mailboxes; 0 unlimited
 * @param maxQuotaBytes most one mailbox may have; 0 unlimited
 * @param maxMailboxes 0 unlimited
 * @param maxAliases 0 unlimited
 */
public record SourceDomain(
    String name,
    String description,
    long defaultQuotaBytes,
    long maxQuotaBytes,
    int maxMailboxes,
    int maxAliases,
    boolean active) {}
