package org.mailledger.ops.verify;

import java.util.Map;

/**
 * One way a live row differs from the folded one.
 *
 * @param kind {@code missing} (folded, not live), {@code extra} (live, not folded) or {@code
 *     changed} (a column's value)
 * @param keyColumn the column that keys the table's rows ({@code id}, or PostfixAdmin's natural
 *     keys such as {@code username})
 * @param key the row's value of it
 * @param column the changed column; null for a missing or extra row
 * @param row the whole row (expected for missing, actual for extra); null for a change
 */
public record Difference(
    String kind,
    String table,
    String keyColumn,
    Object key,
    String label,
    String column,
    Object expected,
    Object actual,
    Map<String, Object> row) {

  @Override
  public String toString() {
    String where = table + " " + keyColumn + "=" + key + (label == null ? "" : " (" + label + ")");
    return switch (kind) {
      case "missing" -> "missing  " + where + ": expected " + Comparison.show(row);
      case "extra" -> "extra    " + where + ": actual " + Comparison.show(row);
      default ->
          "changed  "
              + where
              + " "
              + column
              + ": expected "
              + Comparison.show(column, expected)
              + ", actual "
              + Comparison.show(column, actual);
    };
  }
}
