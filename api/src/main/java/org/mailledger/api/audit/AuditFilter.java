package org.mailledger.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * A validated question to the audit history; null fields do not filter.
 *
 * @param entity an address or domain, lower-case ASCII; also finds a renamed mailbox by its old
 *     address
 * @param domain everything whose entity lies in this domain
 * @param actor who sent the commands
 * @param type the short event type, e.g. {@code MailboxCreated}
 * @param from inclusive
 * @param to exclusive
 * @param visibleDomains the domains the caller may see; null for all (a SUPERADMIN)
 * @param page zero-based
 * @param size entries per page, at most {@link #MAX_SIZE}
 */
public record AuditFilter(
    String entity,
    String domain,
    String actor,
    String type,
    Instant from,
    Instant to,
    List<String> visibleDomains,
    int page,
    int size) {

  public static final int MAX_SIZE = 500;
  public static final int DEFAULT_SIZE = 50;
}
