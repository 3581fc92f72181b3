package org.mailledger.ops.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.mailledger.projection.fold.LayoutRows;
import org.mailledger.projection.fold.LayoutTables;

/**
 * Compares folded rows with live ones, row by row and column by column, and names each row the way
 * an operator knows it (its address or domain) beside its key.
 */
public final class Comparison {

  private Comparison() {}

  public static List<Difference> compare(LayoutRows expected, LayoutRows actual) {
    LayoutTables layout = expected.layout();
    List<Difference> differences = new ArrayList<>();
    for (String table : layout.compared()) {
      var want = expected.table(table);
      var have = actual.table(table);
      TreeSet<Object> keys = new TreeSet<>(want.keySet());
      keys.addAll(have.keySet());
      String key = layout.key(table);
      for (Object id : keys) {
        Map<String, Object> w = want.get(id);
        Map<String, Object> h = have.get(id);
        String label = label(layout.layout(), table, w != null ? w : h, expected, actual);
        if (h == null) {
          differences.add(new Difference("missing", table, key, id, label, null, null, null, w));
        } else if (w == null) {
          differences.add(new Difference("extra", table, key, id, label, null, null, null, h));
        } else {
          for (String column : layout.columns(table)) {
            if (!Objects.equals(w.get(column), h.get(column))) {
              differences.add(
                  new Difference(
                      "changed",
                      table,
                      key,
                      id,
                      label,
                      column,
                      w.get(column),
                      h.get(column),
                      null));
            }
          }
        }
      }
    }
    return differences;
  }

  /** A whole row for a report; a password hash shows only its scheme and length. */
  static String show(Map<String, Object> row) {
    Map<String, String> shown = new LinkedHashMap<>();
    row.forEach((column, value) -> shown.put(column, show(column, value)));
    return shown.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  // Reports are pasted into tickets and chats; a hash there is an offline cracking target.
  static String show(String column, Object value) {
    if (value == null) {
      return "NULL";
    }
    if (column.equals("password")) {
      String hash = value.toString();
      int scheme = hash.indexOf('}');
      return (scheme > 0 ? hash.substring(0, scheme + 1) : "") + "…(" + hash.length() + " chars)";
    }
    return value instanceof String ? "'" + value + "'" : value.toString();
  }

  /**
   * How an operator knows the row; null where its key says it already (PostfixAdmin's natural
   * keys).
   */
  private static String label(
      String layout, String table, Map<String, Object> row, LayoutRows a, LayoutRows b) {
    return switch (layout) {
      case "mum" -> mumLabel(table, row, a, b);
      case "dinomail" -> dinoMailLabel(table, row, a, b);
      default -> null;
    };
  }

  private static String mumLabel(
      String table, Map<String, Object> row, LayoutRows a, LayoutRows b) {
    return switch (table) {
      case "domains", "tls_policies" -> (String) row.get("domain");
      case "mailboxes", "aliases" ->
          row.get("local_part") + "@" + domainName((Long) row.get("domain_id"), a, b);
      case "alias_recipients" ->
          "alias "
              + alias((Long) row.get("alias_id"), a, b)
              + " to "
              + row.get("recipient_address");
      case "alias_senders" ->
          "alias "
              + alias((Long) row.get("alias_id"), a, b)
              + " sent by "
              + mailbox((Long) row.get("mailbox_id"), a, b);
      default -> null;
    };
  }

  private static String dinoMailLabel(
      String table, Map<String, Object> row, LayoutRows a, LayoutRows b) {
    if (table.equals("mailledger_dinomail_alias_recipient")) {
      Map<String, Object> alias = find("mailledger_dinomail_alias", row.get("alias_id"), a, b);
      return "alias "
          + (alias == null ? "id " + row.get("alias_id") : alias.get("source"))
          + " to "
          + row.get("destination");
    }
    if (row.containsKey("destination")) {
      return row.get("source") + " to " + row.get("destination");
    }
    for (String column : List.of("email", "source", "name")) {
      if (row.get(column) != null) {
        return row.get(column).toString();
      }
    }
    return null;
  }

  private static String domainName(Long id, LayoutRows a, LayoutRows b) {
    Map<String, Object> domain = find("domains", id, a, b);
    return domain == null ? "?" : (String) domain.get("domain");
  }

  private static String alias(Long id, LayoutRows a, LayoutRows b) {
    Map<String, Object> alias = find("aliases", id, a, b);
    return alias == null
        ? "id " + id
        : alias.get("local_part") + "@" + domainName((Long) alias.get("domain_id"), a, b);
  }

  private static String mailbox(Long id, LayoutRows a, LayoutRows b) {
    Map<String, Object> mailbox = find("mailboxes", id, a, b);
    return mailbox == null
        ? "mailbox id " + id
        : mailbox.get("local_part") + "@" + domainName((Long) mailbox.get("domain_id"), a, b);
  }

  private static Map<String, Object> find(String table, Object id, LayoutRows a, LayoutRows b) {
    Map<String, Object> row = a.table(table).get(id);
    return row != null ? row : b.table(table).get(id);
  }
}
