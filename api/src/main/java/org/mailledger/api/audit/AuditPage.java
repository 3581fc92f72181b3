package org.mailledger.api.audit;

import java.util.List;

/**
 * A page of the history, newest first. No total: counting a million rows on every request costs
 * more than the page itself; {@code hasMore} says whether the next page has entries.
 */
public record AuditPage(List<AuditItem> items, int page, int size, boolean hasMore) {}
