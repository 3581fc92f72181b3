package org.mailledger.ops.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.mailledger.projection.fold.MumRows;
import org.mailledger.projection.fold.MumTables;

/**
 * Compares folded rows with live ones, row by row and column by column, and names each row the way
 * an operator knows it (its address or domain) beside its id.
 */
public final class Comparison {

  private Comparison() {}

  public static List<Difference> compare(MumRows expected, MumRows actual) {
    List<Difference> differences = new ArrayList<>();
    for (String table : MumTables.TABLES) {
      var want = expected.table(table);
      var have = actual.table(table);
      TreeSet<Long> ids = new TreeSet<>(want.keySet());
      ids.addAll(have.keySet());
      for (long id : ids) {
        Map<String, Object> w = want.get(id);
        Map<String, Object> h = have.get(id);
        String label = label(table, w != null ? w : h, expected, actual);
        if (h == null) {
          differences.add(new Difference("missing", table, id, label, null, null, null, w));
        } else if (w == null) {
          differences.add(new Difference("extra", table, id, label, null, null, null, h));
        } else {
          for (String column : MumTables.COLUMNS.get(table)) {
            if (!Objects.equals(w.get(column), h.get(column))) {
              differences.add(
                  new Difference(
                      "changed", table, id, label, column, w.get(column), h.get(column), null));
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

  private static String label(String table, Map<String, Object> row, MumRows a, MumRows b) {
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

  private static String domainName(Long id, MumRows a, MumRows b) {
    Map<String, Object> domain = find("domains", id, a, b);
    return domain == null ? "?" : (String) domain.get("domain");
  }

  private static String alias(Long id, MumRows a, MumRows b) {
    Map<String, Object> alias = find("aliases", id, a, b);
    return alias == null
        ? "id " + id
        : alias.get("local_part") + "@" + domainName((Long) alias.get("domain_id"), a, b);
  }

  private static String mailbox(Long id, MumRows a, MumRows b) {
    Map<String, Object> mailbox = find("mailboxes", id, a, b);
    return mailbox == null
        ? "mailbox id " + id
        : mailbox.get("local_part") + "@" + domainName((Long) mailbox.get("domain_id"), a, b);
  }

  private static Map<String, Object> find(String table, Long id, MumRows a, MumRows b) {
    Map<String, Object> row = a.table(table).get(id);
    return row != null ? row : b.table(table).get(id);
  }
}
