package org.mailledger.projection.fold;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The six tables of the {@code mum} layout with their columns, parents first (their foreign keys
 * point that way), each keyed by its id.
 */
public final class MumTables {

  public static final LayoutTables LAYOUT = layout();

  private MumTables() {}

  private static LayoutTables layout() {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    columns.put(
        "domains",
        List.of(
            "id",
            "aggregate_id",
            "domain",
            "description",
            "quota",
            "max_quota",
            "max_aliases",
            "max_mailboxes",
            "homedir",
            "active",
            "alias_target_id",
            "alias_active"));
    columns.put(
        "tls_policies", List.of("id", "domain", "policy", "params", "description", "active"));
    columns.put(
        "mailboxes",
        List.of(
            "id",
            "aggregate_id",
            "local_part",
            "password",
            "name",
            "domain_id",
            "alternative_email",
            "quota",
            "homedir",
            "maildir",
            "send_only",
            "active"));
    columns.put(
        "aliases",
        List.of(
            "id",
            "aggregate_id",
            "local_part",
            "description",
            "domain_id",
            "active",
            "expanded_from"));
    columns.put("alias_recipients", List.of("id", "alias_id", "recipient_address", "mailbox_id"));
    columns.put("alias_senders", List.of("id", "alias_id", "mailbox_id"));
    Map<String, String> keys = new LinkedHashMap<>();
    columns.keySet().forEach(table -> keys.put(table, "id"));
    return new LayoutTables(
        "mum",
        List.copyOf(columns.keySet()),
        List.of(),
        columns,
        keys,
        Set.of("active", "send_only", "alias_active"),
        Set.of());
  }
}
