package org.mailledger.api.audit;

import java.time.Instant;

/**
 * A mailbox as it was at {@code asOf}; never its password hash.
 *
 * @param quotaGb whole GB, rounded up; zero is unlimited
 * @param position the log position of the last event that shaped this state
 */
public record MailboxAsOf(
    String address,
    String name,
    long quotaGb,
    boolean sendOnly,
    boolean active,
    String home,
    Instant asOf,
    long position) {}
