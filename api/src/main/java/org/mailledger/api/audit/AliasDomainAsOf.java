package org.mailledger.api.audit;

import java.time.Instant;

/**
 * An alias domain as it was at {@code asOf}: its own active flag, as the log has it.
 *
 * @param position the log position of the last event that shaped this state
 */
public record AliasDomainAsOf(
    String aliasDomain, String targetDomain, boolean active, Instant asOf, long position) {}
