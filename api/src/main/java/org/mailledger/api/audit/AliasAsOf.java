package org.mailledger.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * An alias as it was at {@code asOf}.
 *
 * @param senders the addresses the mailboxes allowed to send as the alias had at {@code asOf}
 * @param position the log position of the last event that shaped this state
 */
public record AliasAsOf(
    String address,
    List<String> recipients,
    List<String> senders,
    String description,
    boolean active,
    Instant asOf,
    long position) {}
