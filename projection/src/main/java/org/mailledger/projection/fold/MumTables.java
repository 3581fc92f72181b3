package org.mailledger.projection.fold;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The six tables of the {@code mum} layout with their columns, in an order that respects their
 * foreign keys (parents first), and the one normal form in which folded and live values compare:
 * whole numbers as {@link Long}, flags as {@link Boolean} (MySQL hands TINYINT(1) back as a
 * number), text as {@link String}, SQL NULL as null.
 */
public final class MumTables {

  public static final Map<String, List<String>> COLUMNS =
      orderedMap(
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
              "alias_active"),
          "tls_policies",
          List.of("id", "domain", "policy", "params", "description", "active"),
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
              "active"),
          "aliases",
          List.of(
              "id",
              "aggregate_id",
              "local_part",
              "description",
              "domain_id",
              "active",
              "expanded_from"),
          "alias_recipients",
          List.of("id", "alias_id", "recipient_address", "mailbox_id"),
          "alias_senders",
          List.of("id", "alias_id", "mailbox_id"));

  public static final List<String> TABLES = List.copyOf(COLUMNS.keySet());

  private static final Set<String> FLAGS = Set.of("active", "send_only", "alias_active");

  /** The same tables for the tools that handle every layout; every table keyed by its id. */
  public static final LayoutTables LAYOUT =
      new LayoutTables(
          "mum",
          TABLES,
          List.of(),
          COLUMNS,
          TABLES.stream().collect(java.util.stream.Collectors.toMap(t -> t, t -> "id")),
          FLAGS,
          Set.of());

  private MumTables() {}

  /** A value of {@code column} in the form folded rows hold, whichever database it came from. */
  public static Object normalise(String column, Object value) {
    if (value == null) {
      return null;
    }
    if (FLAGS.contains(column)) {
      if (value instanceof Boolean flag) {
        return flag;
      }
      if (value instanceof Number number) {
        return number.longValue() != 0;
      }
      return "1".equals(value.toString()) || "true".equalsIgnoreCase(value.toString());
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    return value.toString();
  }

  private static Map<String, List<String>> orderedMap(Object... pairs) {
    var map = new java.util.LinkedHashMap<String, List<String>>();
    for (int i = 0; i < pairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> columns = (List<String>) pairs[i + 1];
      map.put((String) pairs[i], columns);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
