package org.mailledger.ops.imports;

import java.util.List;

/**
 * An alias, or a catch-all ({@code @domain}), as the source tool keeps it.
 *
 * @param recipients the raw recipient strings, checked by the planner
 * @param senders the mailboxes allowed to send as it (MUM's alias_senders)
 */
public record SourceAlias(
    String address,
    List<String> recipients,
    List<String> senders,
    String description,
    boolean active) {}
